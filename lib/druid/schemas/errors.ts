// Bodies Druid (and the servers in front of it) send with an error status.
// See testdata/druid-contract/INDEX.md, "Error format".
import { z } from 'zod';

/** The legacy QueryException body: `error` is a well-defined code such as "SQL parse failed". */
export const LegacyQueryErrorSchema = z.looseObject({
  error: z.string(),
  errorMessage: z.string().nullish(),
  errorClass: z.string().nullish(),
  host: z.string().nullish(),
});
export type LegacyQueryError = z.output<typeof LegacyQueryErrorSchema>;

/**
 * The DruidException envelope (Druid 27+). `error` is "druidException", or the
 * legacy code when `errorCode` is "legacyQueryException". `context` carries the
 * position of SQL validation errors as strings (line, column, ...); the docs'
 * placeholder shows it as a sentence, hence the string alternative.
 */
export const DruidExceptionErrorSchema = z.looseObject({
  error: z.string(),
  errorCode: z.string(),
  persona: z.string(),
  category: z.string(),
  errorMessage: z.string().nullish(),
  context: z.union([z.record(z.string(), z.unknown()), z.string()]).nullish(),
  errorClass: z.string().nullish(),
  host: z.string().nullish(),
});
export type DruidExceptionError = z.output<typeof DruidExceptionErrorSchema>;

/** The sampler's `{"error": message}`, also used by supervisor and task endpoints in various versions. */
export const SimpleErrorSchema = z.looseObject({ error: z.string() });

/** Jetty's servlet error JSON, for exceptions no Druid mapper handled. */
export const ServletErrorSchema = z.looseObject({
  message: z.string(),
  status: z.union([z.string(), z.number()]),
  servlet: z.string().optional(),
  url: z.string().optional(),
});
export type ServletError = z.output<typeof ServletErrorSchema>;

/** HTTP status for each DruidException category (DruidException.java). */
export const DRUID_ERROR_CATEGORY_STATUS: Readonly<Record<string, number>> = {
  DEFENSIVE: 500,
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CAPACITY_EXCEEDED: 429,
  CANCELED: 500,
  RUNTIME_FAILURE: 500,
  TIMEOUT: 504,
  UNSUPPORTED: 501,
  UNCATEGORIZED: 500,
};
