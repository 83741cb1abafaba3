// transformSpec filters: the Druid filter types the engine evaluates on input rows.
// https://druid.apache.org/docs/latest/querying/filters
import { stringifyJson } from './json';
import type { Filter } from './types';

export const FILTER_TYPES = ['selector', 'in', 'bound', 'and', 'or', 'not', 'like', 'regex', 'equals', 'null', 'range', 'true', 'false'] as const;

export type RowPredicate = (fields: Readonly<Record<string, unknown>>) => boolean;

/** A filter the engine cannot evaluate, located by its path inside the filter. */
export class FilterError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

function asStrings(value: unknown): (string | null)[] {
  if (value === null || value === undefined) return [null];
  if (Array.isArray(value)) return value.length === 0 ? [null] : value.map((item) => (item === null || item === undefined ? null : String(item)));
  if (typeof value === 'object') return [stringifyJson(value)];
  return [String(value)];
}

function anyOf(value: unknown, test: (item: string | null) => boolean): boolean {
  return asStrings(value).some(test);
}

function columnOf(filter: Filter, path: string): string {
  const column = filter.dimension ?? filter.column;
  if (typeof column !== 'string' || column === '') throw new FilterError(path, `a "${filter.type}" filter needs a dimension`);
  return column;
}

function likeToRegex(pattern: string, escape: string | undefined): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (escape && char === escape && i + 1 < pattern.length) {
      source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

function compare(a: string, b: string, numeric: boolean): number | null {
  if (!numeric) return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y) || a.trim() === '' || b.trim() === '') return null;
  return x - y;
}

function boundPredicate(value: unknown, lower: unknown, upper: unknown, lowerOpen: boolean, upperOpen: boolean, numeric: boolean): boolean {
  return anyOf(value, (item) => {
    if (item === null) return false;
    if (lower !== null && lower !== undefined) {
      const c = compare(item, String(lower), numeric);
      if (c === null || c < 0 || (lowerOpen && c === 0)) return false;
    }
    if (upper !== null && upper !== undefined) {
      const c = compare(item, String(upper), numeric);
      if (c === null || c > 0 || (upperOpen && c === 0)) return false;
    }
    return true;
  });
}

function isNumericType(type: unknown): boolean {
  return typeof type === 'string' && /^(long|float|double)$/i.test(type);
}

/** Compiles a filter into a predicate; throws FilterError naming the part it cannot use. */
export function compileFilter(filter: Filter, path = 'filter'): RowPredicate {
  switch (filter.type) {
    case 'true':
      return () => true;
    case 'false':
      return () => false;
    case 'selector': {
      const column = columnOf(filter, path);
      const expected = filter.value === undefined || filter.value === null || filter.value === '' ? null : String(filter.value);
      return (row) => anyOf(row[column], (item) => item === expected || (expected === null && item === ''));
    }
    case 'in': {
      const column = columnOf(filter, path);
      if (!Array.isArray(filter.values)) throw new FilterError(`${path}.values`, 'an "in" filter needs a values array');
      const values = new Set(filter.values.map((v: unknown) => (v === null || v === '' ? null : String(v))));
      return (row) => anyOf(row[column], (item) => values.has(item));
    }
    case 'equals': {
      const column = columnOf(filter, path);
      if (filter.matchValue === undefined || filter.matchValue === null) throw new FilterError(`${path}.matchValue`, 'an "equals" filter needs a matchValue');
      const numeric = isNumericType(filter.matchValueType);
      const expected = String(filter.matchValue);
      return (row) => anyOf(row[column], (item) => item !== null && compare(item, expected, numeric) === 0);
    }
    case 'null': {
      const column = columnOf(filter, path);
      return (row) => row[column] === null || row[column] === undefined;
    }
    case 'bound': {
      const column = columnOf(filter, path);
      const ordering = typeof filter.ordering === 'string' ? filter.ordering : filter.ordering && (filter.ordering as { type?: string }).type;
      if (ordering !== undefined && ordering !== 'lexicographic' && ordering !== 'numeric') {
        throw new FilterError(`${path}.ordering`, `"${ordering}" is not supported by the preview (lexicographic or numeric)`);
      }
      const numeric = ordering === 'numeric' || filter.alphaNumeric === true;
      return (row) => boundPredicate(row[column], filter.lower, filter.upper, filter.lowerStrict === true, filter.upperStrict === true, numeric);
    }
    case 'range': {
      const column = columnOf(filter, path);
      const numeric = isNumericType(filter.matchValueType);
      return (row) => boundPredicate(row[column], filter.lower, filter.upper, filter.lowerOpen === true, filter.upperOpen === true, numeric);
    }
    case 'like': {
      const column = columnOf(filter, path);
      if (typeof filter.pattern !== 'string') throw new FilterError(`${path}.pattern`, 'a "like" filter needs a pattern');
      const regex = likeToRegex(filter.pattern, typeof filter.escape === 'string' ? filter.escape : undefined);
      return (row) => anyOf(row[column], (item) => item !== null && regex.test(item));
    }
    case 'regex': {
      const column = columnOf(filter, path);
      let regex: RegExp;
      try {
        regex = new RegExp(String(filter.pattern));
      } catch (error) {
        throw new FilterError(`${path}.pattern`, (error as Error).message);
      }
      return (row) => anyOf(row[column], (item) => item !== null && regex.test(item));
    }
    case 'and':
    case 'or': {
      if (!Array.isArray(filter.fields)) throw new FilterError(`${path}.fields`, `an "${filter.type}" filter needs a fields array`);
      const parts = (filter.fields as Filter[]).map((part, i) => compileFilter(part, `${path}.fields[${i}]`));
      return filter.type === 'and' ? (row) => parts.every((p) => p(row)) : (row) => parts.some((p) => p(row));
    }
    case 'not': {
      if (!filter.field || typeof filter.field !== 'object') throw new FilterError(`${path}.field`, 'a "not" filter needs a field');
      const inner = compileFilter(filter.field as Filter, `${path}.field`);
      return (row) => !inner(row);
    }
    default:
      throw new FilterError(`${path}.type`, `"${filter.type}" is not supported by the preview`);
  }
}
