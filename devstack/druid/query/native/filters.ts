// Native filters (docs/querying/filters.md) as SQL predicates.

import { quoteString } from '../duck';
import { invalidQuery } from '../errors';
import { timeFilterSql } from '../segments';
import { parseInterval } from '../time';
import { isNumeric, type ColumnLookup, type ColumnRef } from './columns';
import type { Filter, SearchSpec } from './spec';

export function filterSql(filter: Filter | undefined, col: ColumnLookup, where = 'filter'): string {
  if (!filter) return 'TRUE';
  switch (filter.type) {
    case 'selector':
      return matchValue(col(filter.dimension), filter.value ?? null);
    case 'in':
      return or(filter.values.map((v) => matchValue(col(filter.dimension), v)));
    case 'equals':
      return matchValue(col(filter.column), filter.matchValue as string | number | null, filter.matchValueType.toUpperCase());
    case 'null':
      return `(${col(filter.column).sql} IS NULL)`;
    case 'bound': {
      const ordering = typeof filter.ordering === 'object' ? filter.ordering.type : filter.ordering ?? (filter.alphaNumeric ? 'alphanumeric' : 'lexicographic');
      if (ordering !== 'lexicographic' && ordering !== 'numeric') {
        throw invalidQuery(`${where}.ordering "${ordering}" is not supported by the local engine; use lexicographic or numeric`);
      }
      return rangeSql(col(filter.dimension), ordering === 'numeric', filter.lower, filter.upper, !!filter.lowerStrict, !!filter.upperStrict);
    }
    case 'range': {
      const type = filter.matchValueType.toUpperCase();
      if (!['STRING', 'LONG', 'DOUBLE', 'FLOAT'].includes(type)) throw invalidQuery(`${where}.matchValueType "${filter.matchValueType}" is not supported by the local engine`);
      return rangeSql(col(filter.column), type !== 'STRING', filter.lower as string | number | null, filter.upper as string | number | null, !!filter.lowerOpen, !!filter.upperOpen);
    }
    case 'like': {
      const escape = filter.escape ? ` ESCAPE ${quoteString(filter.escape)}` : '';
      return `(CAST(${col(filter.dimension).sql} AS VARCHAR) LIKE ${quoteString(filter.pattern)}${escape})`;
    }
    case 'regex':
      return `regexp_matches(CAST(${col(filter.dimension).sql} AS VARCHAR), ${quoteString(filter.pattern)})`;
    case 'search':
      return searchMatchSql(filter.query, `CAST(${col(filter.dimension).sql} AS VARCHAR)`);
    case 'interval': {
      const intervals = filter.intervals.map((t, i) => parseInterval(t, `${where}.intervals[${i}]`));
      if (filter.dimension === '__time') return timeFilterSql(intervals);
      const c = col(filter.dimension).sql;
      return or(intervals.map((i) => `(${c} >= ${i.startMs} AND ${c} < ${i.endMs})`));
    }
    case 'columnComparison': {
      const [first, ...rest] = filter.dimensions.map((d) => `CAST(${col(d.dimension).sql} AS VARCHAR)`);
      return and(rest.map((c) => `(${first} IS NOT DISTINCT FROM ${c})`));
    }
    case 'and':
      return and(filter.fields.map((f, i) => filterSql(f, col, `${where}.fields[${i}]`)));
    case 'or':
      return or(filter.fields.map((f, i) => filterSql(f, col, `${where}.fields[${i}]`)));
    case 'not':
      // Druid's NOT keeps rows whose inner predicate is false, not those where it is unknown.
      return `(NOT coalesce(${filterSql(filter.field, col, `${where}.field`)}, FALSE))`;
    case 'true':
      return 'TRUE';
    case 'false':
      return 'FALSE';
  }
}

/** Predicate for a search query spec (contains, insensitive_contains, fragment). */
export function searchMatchSql(spec: SearchSpec, valueSql: string): string {
  const sensitive = spec.type !== 'insensitive_contains' && spec.caseSensitive === true;
  const v = sensitive ? valueSql : `lower(${valueSql})`;
  const needle = (s: string) => quoteString(sensitive ? s : s.toLowerCase());
  if (spec.type === 'fragment') return and(spec.values.map((s) => `contains(${v}, ${needle(s)})`));
  return `coalesce(contains(${v}, ${needle(spec.value)}), FALSE)`;
}

function matchValue(c: ColumnRef, value: string | number | null, asType?: string): string {
  if (value === null) return `(${c.sql} IS NULL)`;
  if (c.type === 'ARRAY<STRING>' || c.type === 'ARRAY<LONG>' || c.type === 'ARRAY<DOUBLE>') {
    // Multi-value semantics: a row matches when any element matches.
    return `list_contains(CAST(${c.sql} AS VARCHAR[]), ${quoteString(String(value))})`;
  }
  if (isNumeric(c.type) || (asType && asType !== 'STRING')) {
    return `(TRY_CAST(${c.sql} AS DOUBLE) = TRY_CAST(${quoteString(String(value))} AS DOUBLE))`;
  }
  return `(CAST(${c.sql} AS VARCHAR) = ${quoteString(String(value))})`;
}

function rangeSql(c: ColumnRef, numeric: boolean, lower: string | number | null | undefined, upper: string | number | null | undefined, lowerOpen: boolean, upperOpen: boolean): string {
  const value = numeric ? `TRY_CAST(${c.sql} AS DOUBLE)` : `CAST(${c.sql} AS VARCHAR)`;
  const literal = (v: string | number) => (numeric ? `TRY_CAST(${quoteString(String(v))} AS DOUBLE)` : quoteString(String(v)));
  const parts = [`${value} IS NOT NULL`];
  if (lower !== undefined && lower !== null) parts.push(`${value} ${lowerOpen ? '>' : '>='} ${literal(lower)}`);
  if (upper !== undefined && upper !== null) parts.push(`${value} ${upperOpen ? '<' : '<='} ${literal(upper)}`);
  return and(parts);
}

function and(parts: string[]): string {
  return parts.length === 0 ? 'TRUE' : `(${parts.join(' AND ')})`;
}

function or(parts: string[]): string {
  return parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`;
}

