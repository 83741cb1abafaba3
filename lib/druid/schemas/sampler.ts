// POST /druid/indexer/v1/sampler: an internal API the web console uses to preview
// ingestion (web-console/src/utils/sampler.ts), so its shape is pinned loosely.
import { z } from 'zod';
import { jsonObject } from './common';

export const SamplerRequestSchema = z.looseObject({
  type: z.string().min(1),
  spec: jsonObject,
  samplerConfig: z
    .looseObject({ numRows: z.number().int().positive().optional(), timeoutMs: z.number().int().positive().optional() })
    .optional(),
});
export type SamplerRequest = z.input<typeof SamplerRequestSchema>;

const dimensionSchema = z.looseObject({ name: z.string(), type: z.string().optional() });

export const SampleEntrySchema = z.looseObject({
  /** The row as read, or `{ raw: string }` when it could not be parsed. */
  input: z.record(z.string(), z.unknown()).nullish(),
  parsed: z.record(z.string(), z.unknown()).nullish(),
  unparseable: z.boolean().optional(),
  error: z.string().optional(),
});
export type SampleEntry = z.output<typeof SampleEntrySchema>;

export const SampleResponseSchema = z.looseObject({
  numRowsRead: z.number().int(),
  numRowsIndexed: z.number().int(),
  logicalDimensions: z.array(dimensionSchema).optional(),
  physicalDimensions: z.array(dimensionSchema).optional(),
  logicalSegmentSchema: z.array(z.looseObject({ name: z.string(), type: z.string() })).optional(),
  data: z.array(SampleEntrySchema),
});
export type SampleResponse = z.output<typeof SampleResponseSchema>;
