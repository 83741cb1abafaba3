// The Query resource on the wire: what the page sends to /api/query/* and what comes back.
// One schema per resource, shared by the route handlers and the page's hooks.
import { z } from 'zod';

/** Rows the server forwards before it stops reading and marks the result truncated. */
export const DEFAULT_ROW_LIMIT = 10_000;
export const MAX_ROW_LIMIT = 100_000;
/** Druid's own per-query timeout (context.timeout) unless the request says otherwise. */
export const DEFAULT_QUERY_TIMEOUT_MS = 60_000;
export const MAX_QUERY_TIMEOUT_MS = 10 * 60_000;
/** Rows per NDJSON event: small enough for steady progress, large enough to keep events few. */
export const ROW_BATCH_SIZE = 500;

/** Druid ids end up in a URL path (DELETE /druid/v2/sql/{id}): keep them to safe characters. */
export const QueryIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be 1-128 letters, digits, dots, dashes, colons or underscores');

export const SqlQueryBodySchema = z.object({
  query: z.string().trim().min(1, 'must not be empty: write a SQL query first'),
  context: z.record(z.string(), z.unknown()).optional(),
  parameters: z.array(z.object({ type: z.string().min(1), value: z.unknown() })).optional(),
  timeoutMs: z.number().int().min(1_000).max(MAX_QUERY_TIMEOUT_MS).optional(),
  rowLimit: z.number().int().min(1).max(MAX_ROW_LIMIT, `must be at most ${MAX_ROW_LIMIT.toLocaleString('en-US')} rows`).optional(),
});
export type SqlQueryBody = z.input<typeof SqlQueryBodySchema>;

export const NativeQueryBodySchema = z.object({
  query: z.looseObject({
    queryType: z.string({ error: 'needs a "queryType", e.g. "timeseries"' }).min(1, 'needs a "queryType", e.g. "timeseries"'),
    dataSource: z.unknown().refine((value) => value !== undefined && value !== null && value !== '', 'needs a "dataSource"'),
    context: z.record(z.string(), z.unknown()).optional(),
  }),
  timeoutMs: z.number().int().min(1_000).max(MAX_QUERY_TIMEOUT_MS).optional(),
});
export type NativeQueryBody = z.input<typeof NativeQueryBodySchema>;

export const CancelParamsSchema = z.object({ queryId: QueryIdSchema });

/** DELETE /api/query/{sql|native}/{queryId} */
export const CancelResultSchema = z.object({ cancelled: z.literal(true), queryId: z.string() });

export const ResultColumnSchema = z.object({
  name: z.string(),
  /** Druid's native type (STRING, LONG, DOUBLE...). */
  type: z.string().optional(),
  /** The SQL type (VARCHAR, BIGINT, TIMESTAMP...). */
  sqlType: z.string().optional(),
});
export type ResultColumn = z.output<typeof ResultColumnSchema>;

export const ResultTableSchema = z.object({
  columns: z.array(ResultColumnSchema),
  rows: z.array(z.array(z.unknown())),
});
export type ResultTable = z.output<typeof ResultTableSchema>;

export const ApiErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

/** The NDJSON events of POST /api/query/sql, one per line. */
export const SqlStreamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('header'), sqlQueryId: z.string().optional(), columns: z.array(ResultColumnSchema) }),
  z.object({ type: z.literal('rows'), rows: z.array(z.array(z.unknown())) }),
  z.object({
    type: z.literal('end'),
    rowCount: z.number().int(),
    elapsedMs: z.number(),
    truncated: z.boolean(),
    rowLimit: z.number().int(),
  }),
  z.object({ type: z.literal('error'), error: ApiErrorSchema }),
]);
export type SqlStreamEvent = z.output<typeof SqlStreamEventSchema>;

export const NativeQueryResponseSchema = z.object({
  queryType: z.string(),
  queryId: z.string().optional(),
  elapsedMs: z.number(),
  /** Druid's answer as it came. */
  results: z.array(z.unknown()),
  /** The same rows flattened for the grid and the chart. */
  table: ResultTableSchema,
});
export type NativeQueryResponse = z.output<typeof NativeQueryResponseSchema>;
