// zod schemas for the parts native queries share (docs/querying/*.md). Objects are strict: a
// field the engine does not know is an error naming it, never silently dropped.

import { z } from 'zod';
import { invalidQuery } from '../errors';
import { issuePath } from '../http';

const name = z.string().min(1);

export type Filter =
  | { type: 'selector'; dimension: string; value?: string | number | null }
  | { type: 'in'; dimension: string; values: Array<string | number | null> }
  | { type: 'bound'; dimension: string; lower?: string | number | null; upper?: string | number | null; lowerStrict?: boolean; upperStrict?: boolean; ordering?: string | { type: string }; alphaNumeric?: boolean }
  | { type: 'equals'; column: string; matchValueType: string; matchValue: unknown }
  | { type: 'null'; column: string }
  | { type: 'range'; column: string; matchValueType: string; lower?: unknown; upper?: unknown; lowerOpen?: boolean; upperOpen?: boolean }
  | { type: 'like'; dimension: string; pattern: string; escape?: string | null }
  | { type: 'regex'; dimension: string; pattern: string }
  | { type: 'search'; dimension: string; query: SearchSpec }
  | { type: 'interval'; dimension: string; intervals: string[] }
  | { type: 'columnComparison'; dimensions: DimensionSpec[] }
  | { type: 'and' | 'or'; fields: Filter[] }
  | { type: 'not'; field: Filter }
  | { type: 'true' | 'false' };

export type SearchSpec =
  | { type: 'insensitive_contains'; value: string }
  | { type: 'contains'; value: string; caseSensitive?: boolean }
  | { type: 'fragment'; values: string[]; caseSensitive?: boolean };

export const SearchSpecSchema: z.ZodType<SearchSpec> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('insensitive_contains'), value: z.string() }),
  z.strictObject({ type: z.literal('contains'), value: z.string(), caseSensitive: z.boolean().optional() }),
  z.strictObject({ type: z.literal('fragment'), values: z.array(z.string()), caseSensitive: z.boolean().optional() }),
]);

export interface DimensionSpec {
  readonly dimension: string;
  readonly outputName: string;
  readonly outputType?: 'STRING' | 'LONG' | 'DOUBLE' | 'FLOAT';
}

export const DimensionSpecSchema = z.union([
  name,
  z.strictObject({ type: z.literal('default').optional(), dimension: name, outputName: name.optional(), outputType: z.enum(['STRING', 'LONG', 'DOUBLE', 'FLOAT']).optional() }),
]).transform((d): DimensionSpec => (typeof d === 'string' ? { dimension: d, outputName: d } : { dimension: d.dimension, outputName: d.outputName ?? d.dimension, outputType: d.outputType }));

const scalar = z.union([z.string(), z.number(), z.null()]);
const tuning = { filterTuning: z.unknown().optional() };

export const FilterSchema: z.ZodType<Filter> = z.lazy(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('selector'), dimension: name, value: scalar.optional(), ...tuning }),
  z.strictObject({ type: z.literal('in'), dimension: name, values: z.array(scalar), ...tuning }),
  z.strictObject({
    type: z.literal('bound'), dimension: name, lower: scalar.optional(), upper: scalar.optional(), lowerStrict: z.boolean().optional(),
    upperStrict: z.boolean().optional(), ordering: z.union([z.string(), z.strictObject({ type: z.string() })]).optional(), alphaNumeric: z.boolean().optional(), ...tuning,
  }),
  z.strictObject({ type: z.literal('equals'), column: name, matchValueType: z.string(), matchValue: z.unknown(), ...tuning }),
  z.strictObject({ type: z.literal('null'), column: name, ...tuning }),
  z.strictObject({
    type: z.literal('range'), column: name, matchValueType: z.string(), lower: z.unknown().optional(), upper: z.unknown().optional(),
    lowerOpen: z.boolean().optional(), upperOpen: z.boolean().optional(), ...tuning,
  }),
  z.strictObject({ type: z.literal('like'), dimension: name, pattern: z.string(), escape: z.string().nullable().optional(), ...tuning }),
  z.strictObject({ type: z.literal('regex'), dimension: name, pattern: z.string(), ...tuning }),
  z.strictObject({ type: z.literal('search'), dimension: name, query: SearchSpecSchema, ...tuning }),
  z.strictObject({ type: z.literal('interval'), dimension: name, intervals: z.array(z.string()), ...tuning }),
  z.strictObject({ type: z.literal('columnComparison'), dimensions: z.array(DimensionSpecSchema).min(2) }),
  z.strictObject({ type: z.enum(['and', 'or']), fields: z.array(FilterSchema) }),
  z.strictObject({ type: z.literal('not'), field: FilterSchema }),
  z.strictObject({ type: z.enum(['true', 'false']) }),
]) as z.ZodType<Filter>);

export type Aggregator =
  | { type: 'count'; name: string }
  | { type: SimpleAggregatorType; name: string; fieldName: string }
  | { type: FirstLastType; name: string; fieldName: string; timeColumn?: string; maxStringBytes?: number }
  | { type: 'cardinality'; name: string; fields: DimensionSpec[]; byRow?: boolean; round?: boolean }
  | { type: DistinctSketchType; name: string; fieldName: string }
  | { type: 'filtered'; name?: string; filter: Filter; aggregator: Aggregator };

const SIMPLE_AGGREGATORS = ['longSum', 'doubleSum', 'floatSum', 'longMin', 'longMax', 'doubleMin', 'doubleMax', 'floatMin', 'floatMax'] as const;
export type SimpleAggregatorType = (typeof SIMPLE_AGGREGATORS)[number];
const FIRST_LAST = ['longFirst', 'longLast', 'doubleFirst', 'doubleLast', 'floatFirst', 'floatLast', 'stringFirst', 'stringLast'] as const;
export type FirstLastType = (typeof FIRST_LAST)[number];
export const DISTINCT_SKETCHES = ['hyperUnique', 'thetaSketch', 'HLLSketchBuild', 'HLLSketchMerge'] as const;
export type DistinctSketchType = (typeof DISTINCT_SKETCHES)[number];

export const AggregatorSchema: z.ZodType<Aggregator> = z.lazy(() => z.discriminatedUnion('type', [
  // Druid's docs show count with a fieldName at times; it is ignored there, so it is accepted here.
  z.strictObject({ type: z.literal('count'), name, fieldName: z.string().optional() }).transform(({ type, name: n }) => ({ type, name: n })),
  z.strictObject({ type: z.enum(SIMPLE_AGGREGATORS), name, fieldName: name }),
  z.strictObject({ type: z.enum(FIRST_LAST), name, fieldName: name, timeColumn: name.optional(), maxStringBytes: z.number().optional() }),
  z.strictObject({ type: z.literal('cardinality'), name, fields: z.array(DimensionSpecSchema).min(1), byRow: z.boolean().optional(), round: z.boolean().optional() }),
  z.strictObject({
    type: z.enum(DISTINCT_SKETCHES), name, fieldName: name, size: z.number().optional(), lgK: z.number().optional(), tgtHllType: z.string().optional(),
    round: z.boolean().optional(), isInputHyperUnique: z.boolean().optional(), isInputThetaSketch: z.boolean().optional(), shouldFinalize: z.boolean().optional(),
  }).transform(({ type, name: n, fieldName }) => ({ type, name: n, fieldName })),
  z.strictObject({ type: z.literal('filtered'), name: name.optional(), filter: FilterSchema, aggregator: AggregatorSchema }),
]) as unknown as z.ZodType<Aggregator>);

export type PostAggregator =
  | { type: 'arithmetic'; name: string; fn: string; fields: PostAggregator[]; ordering?: string | null }
  | { type: 'fieldAccess' | 'finalizingFieldAccess' | 'hyperUniqueCardinality'; name?: string; fieldName: string }
  | { type: 'constant'; name?: string; value: number }
  | { type: 'expression'; name: string; expression: string; ordering?: string | null }
  | { type: 'doubleGreatest' | 'longGreatest' | 'doubleLeast' | 'longLeast'; name: string; fields: PostAggregator[] };

export const PostAggregatorSchema: z.ZodType<PostAggregator> = z.lazy(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('arithmetic'), name, fn: z.enum(['+', '-', '*', '/', 'quotient', 'pow']), fields: z.array(PostAggregatorSchema).min(1), ordering: z.string().nullable().optional() }),
  z.strictObject({ type: z.enum(['fieldAccess', 'finalizingFieldAccess', 'hyperUniqueCardinality']), name: z.string().optional(), fieldName: name }),
  z.strictObject({ type: z.literal('constant'), name: z.string().optional(), value: z.number() }),
  z.strictObject({ type: z.literal('expression'), name, expression: z.string(), ordering: z.string().nullable().optional() }),
  z.strictObject({ type: z.enum(['doubleGreatest', 'longGreatest', 'doubleLeast', 'longLeast']), name, fields: z.array(PostAggregatorSchema).min(1) }),
]) as z.ZodType<PostAggregator>);

export const DataSourceSchema = z.union([name, z.strictObject({ type: z.literal('table'), name })]).transform((d) => (typeof d === 'string' ? d : d.name));

export const IntervalsSchema = z.union([
  z.string(),
  z.array(z.string()).min(1),
  z.strictObject({ type: z.enum(['intervals', 'LegacySegmentSpec']), intervals: z.array(z.string()).min(1) }),
]).transform((i) => (typeof i === 'string' ? [i] : Array.isArray(i) ? i : i.intervals));

export const ContextSchema = z.record(z.string(), z.unknown()).optional();

/** Druid's booleans in JSON are sometimes strings ("descending": "true" in its own docs). */
export const LooseBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((s) => s === 'true')]);

export const VirtualColumnsSchema = z.array(z.unknown()).max(0, 'virtualColumns are not supported by the local engine').optional();

/** Parses with a schema, turning the first issue into an error naming the field and value. */
export function parseSpec<T>(schema: z.ZodType<T>, input: unknown, prefix = ''): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidQuery(describeIssue(result.error.issues[0], input, prefix));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown, prefix: string): string {
  const join = (p: string, k: string) => (p ? `${p}.${k}` : k);
  const path = [prefix, issuePath(issue.path)].filter(Boolean).join('.');
  const value = valueAt(input, issue.path);
  if (issue.code === 'unrecognized_keys') return `${join(path, issue.keys[0])} is not supported by the local engine`;
  if (issue.code === 'invalid_union' && value !== null && typeof value === 'object' && 'type' in value) {
    return `${join(path, 'type')} ${JSON.stringify((value as { type: unknown }).type)} is not supported by the local engine`;
  }
  if ((issue.code === 'invalid_value' || issue.code === 'invalid_union') && issue.path[issue.path.length - 1] === 'type') {
    return `${path} ${JSON.stringify(value)} is not supported by the local engine`;
  }
  return `${path || 'query'}: ${issue.message}`;
}
