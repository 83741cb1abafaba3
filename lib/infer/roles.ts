// Dimensions versus metrics, by meaning: amounts, bytes, durations, prices, counts and
// gauges are metrics with a fitting aggregator; IDs, codes and status values are dimensions.
// High-cardinality dimensions are flagged because every distinct value is a row rollup
// cannot merge; a sketch is offered for when only distinct counts matter.
import type { ColumnType, MetricSpec, Role } from './model';
import { looksLikeIdentifier, type ValueProfile } from './types';

export interface RoleChoice {
  readonly role: Role;
  readonly aggregator?: MetricSpec;
  readonly why: string;
  readonly highCardinality?: boolean;
  readonly sketch?: MetricSpec;
}

/** Hints from a schema that carries types (Kafka Connect, Avro). */
export interface SchemaHint {
  readonly connectType?: string;
  readonly logicalType?: string;
  /** The column reads as a time (a secondary time beside the event time). */
  readonly isTime?: boolean;
}

const GAUGE = /(temp|temperature|cpu|mem|memory|load|pct|percent|percentage|ratio|rate|level|humidity|pressure|speed|price|balance|usage|utili[sz]ation|gauge|lat|lon|lng|latitude|longitude|score|rank)$/i;
const ADDITIVE = /(amount|amt|total|sum|revenue|cost|fee|tax|discount|spend|bytes|byte|size|length|len|duration|latency|elapsed|millis|ms|seconds|secs|sec|count|cnt|clicks?|views?|impressions?|hits|requests|errors|qty|quantity|units|volume|weight|distance|packets|tokens|visits|sessions|orders|sales|value|points|delta|added|deleted|num|n|time)$/i;
const DIMENSION_WORD = /(status|state|type|kind|level|category|code|flag|enabled|year|month|day|hour|minute|weekday|dow|port|version|partition|shard|region|zone)$/i;
const HIGH_CARDINALITY_SHARE = 0.5;
const HIGH_CARDINALITY_MIN = 50;

/** The last word of a name in any case style: `latencyMs` -> `Ms`, `bytes_sent` -> `sent`. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function matchesAnyWord(name: string, pattern: RegExp): boolean {
  return words(name).some((word) => pattern.test(word));
}

function lastWordMatches(name: string, pattern: RegExp): boolean {
  const all = words(name);
  return all.length > 0 && pattern.test(all[all.length - 1]);
}

export function metricName(aggregatorType: string, column: string): string {
  const prefix = aggregatorType.endsWith('Sum') ? 'sum' : aggregatorType.endsWith('Max') ? 'max' : aggregatorType.endsWith('Min') ? 'min' : 'agg';
  return `${prefix}_${column}`;
}

function aggregator(kind: 'Sum' | 'Max', type: ColumnType, column: string): MetricSpec {
  const aggregatorType = `${type === 'long' ? 'long' : 'double'}${kind}`;
  return { type: aggregatorType, name: metricName(aggregatorType, column), fieldName: column };
}

function dimension(why: string, name: string, p: ValueProfile, type: ColumnType): RoleChoice {
  const high = (type === 'string' || type === 'long') && p.distinct >= HIGH_CARDINALITY_MIN && p.distinct / Math.max(p.nonNull, 1) > HIGH_CARDINALITY_SHARE;
  if (!high) return { role: 'dimension', why };
  return {
    role: 'dimension',
    why: `${why}; high cardinality (${p.distinct} distinct in ${p.nonNull} values): each value keeps its own row, so rollup merges little`,
    highCardinality: true,
    sketch: { type: 'HLLSketchBuild', name: `${name}_sketch`, fieldName: name, lgK: 12 },
  };
}

export function chooseRole(name: string, type: ColumnType, p: ValueProfile, hint: SchemaHint = {}): RoleChoice {
  if (type === 'json') return { role: 'dimension', why: 'nested data: a json dimension' };
  if (type.startsWith('array')) return { role: 'dimension', why: 'an array: a multi-value dimension' };
  if (type === 'string') return dimension('text: a dimension', name, p, type);
  if (hint.isTime) return { role: 'dimension', why: 'another time field: kept as a dimension for filtering, never summed' };
  if (looksLikeIdentifier(name)) return dimension('a number that names something (an identifier): a dimension', name, p, type);
  if (hint.logicalType === 'org.apache.kafka.connect.data.Date') return dimension('a Connect Date (days since epoch): a dimension', name, p, type);
  if (hint.connectType === 'int8' || hint.connectType === 'int16') {
    return dimension(`a small ${hint.connectType} integer, usually a code or flag: a dimension`, name, p, type);
  }
  if (lastWordMatches(name, GAUGE)) {
    return { role: 'metric', aggregator: aggregator('Max', type, name), why: 'a gauge or price: summing it means nothing, max keeps the peak' };
  }
  if (matchesAnyWord(name, ADDITIVE)) {
    return { role: 'metric', aggregator: aggregator('Sum', type, name), why: 'an amount, size, duration or count: summed on rollup' };
  }
  if (lastWordMatches(name, DIMENSION_WORD)) return dimension('a status, code or calendar part: a dimension', name, p, type);
  if (type === 'long' && p.distinct <= 12 && p.nonNull >= 20) {
    return dimension(`only ${p.distinct} distinct integers: reads like a code or category, a dimension`, name, p, type);
  }
  return { role: 'metric', aggregator: aggregator('Sum', type, name), why: 'a varying number: summed on rollup' };
}

export const COUNT_METRIC: MetricSpec = { type: 'count', name: 'count' };
