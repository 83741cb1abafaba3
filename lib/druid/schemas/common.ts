// Building blocks shared by the response schemas.
import { z } from 'zod';

/**
 * A Java long that must stay exact (Kafka offsets, lags). The body parser hands
 * integers beyond 2^53 over as bigint or decimal string; all three spellings
 * become a decimal string.
 */
export const exactLong = z
  .union([z.bigint(), z.number().int(), z.string().regex(/^-?\d+$/, 'must be a whole number')])
  .transform((value) => String(value));

/** A counter where display precision is enough (row counts, bytes); big values arrive as strings. */
export const count = z
  .union([z.number(), z.bigint(), z.string().regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, 'must be a number')])
  .transform((value) => Number(value));

/** Kafka partition id -> offset (or lag), as Druid keys them: partition numbers as JSON object keys. */
export const partitionOffsets = z.record(z.string(), exactLong);
export type PartitionOffsets = z.output<typeof partitionOffsets>;

/** Any JSON object, keeping every field; for echoes the app reads only in part (specs, contexts). */
export const jsonObject = z.looseObject({});
