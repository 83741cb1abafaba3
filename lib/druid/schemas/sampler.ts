// POST /druid/indexer/v1/sampler: an internal API the web console uses to preview
// ingestion (web-console/src/utils/sampler.ts), so its shape is pinned loosely.
import { z } from 'zod';

export const SamplerRequestSchema = z.looseObject({
  type: z.string().min(1),
  /**
   * A supervisor spec, which Druid reads with its own type id: without `"type": "kafka"` here as
   * well Druid 33 answers 400 "missing type id property 'type' (for POJO property 'spec')".
   * samplerApi copies the outer type in when the caller leaves it out.
   */
  spec: z.looseObject({ type: z.string().min(1, 'the spec needs a type, such as "kafka"') }),
  samplerConfig: z
    .looseObject({ numRows: z.number().int().positive().optional(), timeoutMs: z.number().int().positive().optional() })
    .optional(),
});
/** What callers hand the client: the inner spec may leave its type to the outer one. */
export type SamplerRequest = Omit<z.input<typeof SamplerRequestSchema>, 'spec'> & { readonly spec: Readonly<Record<string, unknown>> };

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
