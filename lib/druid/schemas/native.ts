// Native JSON queries: POST /druid/v2 (docs/querying/*.md). One result schema per
// queryType; each is loose because results carry the user's own column names.
import { z } from 'zod';

export const NativeQuerySchema = z.looseObject({
  queryType: z.string().min(1),
  dataSource: z.unknown().refine((value) => value !== undefined && value !== null && value !== '', 'is required'),
  context: z.record(z.string(), z.unknown()).optional(),
});
export type NativeQuery = z.input<typeof NativeQuerySchema>;

const row = z.record(z.string(), z.unknown());

export const TimeseriesResultSchema = z.array(z.looseObject({ timestamp: z.string().nullable(), result: row }));
export const TopNResultSchema = z.array(z.looseObject({ timestamp: z.string(), result: z.array(row) }));
/** Map-based rows `{version, timestamp, event}`; with resultAsArray, plain arrays. */
export const GroupByResultSchema = z.array(
  z.union([z.looseObject({ version: z.string().optional(), timestamp: z.string(), event: row }), z.array(z.unknown())]),
);
export const SearchResultSchema = z.array(
  z.looseObject({
    timestamp: z.string(),
    result: z.array(z.looseObject({ dimension: z.string(), value: z.unknown(), count: z.number().optional() })),
  }),
);
export const ScanResultSchema = z.array(
  z.looseObject({
    segmentId: z.string().nullish(),
    columns: z.array(z.string()),
    /** Objects for resultFormat `list`, arrays for `compactedList`. */
    events: z.array(z.union([row, z.array(z.unknown())])),
    rowSignature: z.array(z.looseObject({ name: z.string(), type: z.string().nullish() })).optional(),
  }),
);
export const TimeBoundaryResultSchema = z.array(
  z.looseObject({ timestamp: z.string(), result: z.looseObject({ minTime: z.string().optional(), maxTime: z.string().optional() }) }),
);
export const DataSourceMetadataResultSchema = z.array(
  z.looseObject({ timestamp: z.string(), result: z.looseObject({ maxIngestedEventTime: z.string().nullable() }) }),
);
export const SegmentMetadataResultSchema = z.array(
  z.looseObject({
    id: z.string(),
    intervals: z.array(z.string()).nullable(),
    columns: z.record(
      z.string(),
      z.looseObject({
        type: z.string().nullish(),
        typeSignature: z.string().nullish(),
        hasMultipleValues: z.boolean().nullish(),
        hasNulls: z.boolean().nullish(),
        size: z.number().nullish(),
        cardinality: z.number().nullish(),
        errorMessage: z.string().nullish(),
      }),
    ),
    size: z.number().nullish(),
    numRows: z.number().nullish(),
  }),
);

/** Results of a queryType this client has no dedicated schema for: still an array of rows. */
export const GenericNativeResultSchema = z.array(z.unknown());

const RESULT_SCHEMAS: Readonly<Record<string, z.ZodType<unknown[]>>> = {
  timeseries: TimeseriesResultSchema,
  topN: TopNResultSchema,
  groupBy: GroupByResultSchema,
  search: SearchResultSchema,
  scan: ScanResultSchema,
  timeBoundary: TimeBoundaryResultSchema,
  dataSourceMetadata: DataSourceMetadataResultSchema,
  segmentMetadata: SegmentMetadataResultSchema,
};

export function nativeResultSchemaFor(queryType: string): z.ZodType<unknown[]> {
  return RESULT_SCHEMAS[queryType] ?? GenericNativeResultSchema;
}
