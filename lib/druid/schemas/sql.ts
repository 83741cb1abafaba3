// Druid SQL over HTTP: POST /druid/v2/sql (docs/api-reference/sql-api.md).
import { z } from 'zod';

export const SQL_RESULT_FORMATS = ['object', 'array', 'objectLines', 'arrayLines', 'csv'] as const;
export const SqlResultFormatSchema = z.enum(SQL_RESULT_FORMATS);
export type SqlResultFormat = z.output<typeof SqlResultFormatSchema>;

/** A dynamic parameter bound to a `?` in the query, e.g. `{ type: 'VARCHAR', value: 'bar' }`. */
export const SqlParameterSchema = z.object({ type: z.string().min(1), value: z.unknown() });
export type SqlParameter = z.output<typeof SqlParameterSchema>;

export const SqlQueryRequestSchema = z.object({
  query: z.string().trim().min(1, 'must not be empty'),
  resultFormat: SqlResultFormatSchema.optional(),
  header: z.boolean().optional(),
  /** Native type per column; only written when `header` is true. */
  typesHeader: z.boolean().optional(),
  /** SQL type per column; only written when `header` is true. */
  sqlTypesHeader: z.boolean().optional(),
  context: z.record(z.string(), z.unknown()).optional(),
  parameters: z.array(SqlParameterSchema).optional(),
});
export type SqlQueryRequest = z.input<typeof SqlQueryRequestSchema>;

/** In `object` results the header row maps each column to null, or to its types. */
export const SqlObjectHeaderSchema = z.record(
  z.string(),
  z.looseObject({ type: z.string().nullish(), sqlType: z.string().nullish() }).nullable(),
);
export const SqlObjectResultSchema = z.array(z.record(z.string(), z.unknown()));
export const SqlArrayResultSchema = z.array(z.array(z.unknown()));

/** POST /druid/v2/sql/statements (the asynchronous, task-based API). */
export const SqlStatementSchema = z.looseObject({
  queryId: z.string(),
  state: z.string(),
  createdAt: z.string().optional(),
  schema: z.array(z.looseObject({ name: z.string(), type: z.string(), nativeType: z.string().optional() })).optional(),
  durationMs: z.number().optional(),
});
