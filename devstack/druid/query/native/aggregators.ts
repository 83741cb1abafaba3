// Native aggregators (docs/querying/aggregations.md) as SQL aggregate expressions. They read
// the stored columns, so over rolled-up data a stored `count` metric is summed with longSum,
// exactly as in Druid. Distinct-count sketches are answered exactly.

import { quoteIdent } from '../duck';
import { invalidQuery } from '../errors';
import type { JsonValue } from '../json';
import type { ColumnLookup } from './columns';
import { filterSql } from './filters';
import type { Aggregator } from './spec';

export interface AggregatorSql {
  readonly name: string;
  /** The aggregate expression, aliased by the caller. */
  readonly sql: string;
  /** What an empty bucket shows: counts are 0, everything else null (SQL-compatible nulls). */
  readonly emptyValue: JsonValue;
}

const CAST: Record<string, string> = { long: 'BIGINT', double: 'DOUBLE', float: 'DOUBLE', string: 'VARCHAR' };

function aggregatorSql(agg: Aggregator, col: ColumnLookup, where: string, filter?: string): AggregatorSql {
  const f = filter ? ` FILTER (WHERE ${filter})` : '';
  const typed = (fieldName: string, kind: string) => {
    const c = col(fieldName);
    const target = CAST[kind];
    const same = (target === 'BIGINT' && c.type === 'LONG') || (target === 'DOUBLE' && c.type === 'DOUBLE') || (target === 'VARCHAR' && c.type === 'STRING');
    return same ? c.sql : `TRY_CAST(${c.sql} AS ${target})`;
  };
  switch (agg.type) {
    case 'count':
      return { name: agg.name, sql: `count(*)${f}`, emptyValue: 0 };
    case 'longSum': case 'doubleSum': case 'floatSum':
    case 'longMin': case 'doubleMin': case 'floatMin':
    case 'longMax': case 'doubleMax': case 'floatMax': {
      const [, kind, fn] = /^(long|double|float)(Sum|Min|Max)$/.exec(agg.type) ?? [];
      return { name: agg.name, sql: `${fn.toLowerCase()}(${typed(agg.fieldName, kind)})${f}`, emptyValue: null };
    }
    case 'longFirst': case 'doubleFirst': case 'floatFirst': case 'stringFirst':
    case 'longLast': case 'doubleLast': case 'floatLast': case 'stringLast': {
      const [, kind, which] = /^(long|double|float|string)(First|Last)$/.exec(agg.type) ?? [];
      const time = agg.timeColumn ? col(agg.timeColumn).sql : '"__time"';
      const fn = which === 'First' ? 'arg_min' : 'arg_max';
      return { name: agg.name, sql: `${fn}(${typed(agg.fieldName, kind)}, ${time})${f}`, emptyValue: null };
    }
    case 'cardinality': {
      const cols = agg.fields.map((d) => col(d.dimension).sql);
      if (cols.length === 1) return { name: agg.name, sql: `count(DISTINCT ${cols[0]})${f}`, emptyValue: 0 };
      if (agg.byRow) return { name: agg.name, sql: `count(DISTINCT row(${cols.join(', ')}))${f}`, emptyValue: 0 };
      const lists = cols.map((c) => `list(CAST(${c} AS VARCHAR))${f}`);
      return { name: agg.name, sql: `len(list_distinct(flatten([${lists.join(', ')}])))`, emptyValue: 0 };
    }
    case 'hyperUnique': case 'thetaSketch': case 'HLLSketchBuild': case 'HLLSketchMerge':
      return { name: agg.name, sql: `count(DISTINCT ${col(agg.fieldName).sql})${f}`, emptyValue: 0 };
    case 'filtered': {
      const inner = filterSql(agg.filter, col, `${where}.filter`);
      const combined = filter ? `(${filter}) AND ${inner}` : inner;
      const result = aggregatorSql(agg.aggregator, col, `${where}.aggregator`, combined);
      return { ...result, name: agg.name ?? result.name };
    }
  }
}

/** SQL select-list items for the aggregators, aliased a0, a1, ... in order. */
export function aggregatorsSql(aggs: readonly Aggregator[], col: ColumnLookup): AggregatorSql[] {
  const seen = new Set<string>();
  return aggs.map((agg, i) => {
    const result = aggregatorSql(agg, col, `aggregations[${i}]`);
    if (seen.has(result.name)) throw invalidQuery(`aggregations[${i}].name "${result.name}" is used twice`);
    seen.add(result.name);
    return result;
  });
}

export function aggregatorSelect(aggs: readonly AggregatorSql[]): string {
  return aggs.map((a, i) => `, ${a.sql} AS ${quoteIdent(`a${i}`)}`).join('');
}
