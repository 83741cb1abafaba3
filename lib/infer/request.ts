// The body of POST /api/infer, shared by the route and the wizard: the records exactly as the
// sampler returns them, or bare lines. lib/infer takes records in a slightly different shape
// (headers as a record, a Kafka time on every record); toInferInput adapts one to the other.
import { z } from 'zod';
import type { InferInput } from './input';
import { SampleRecordSchema, type SampleRecord } from '@/lib/kafka/schemas';

const MAX_RECORDS = 50_000;

// One object rather than a union, so a bad field is reported at its own path (records.3.offset).
export const InferRequestSchema = z
  .object({
    records: z.array(SampleRecordSchema).min(1, 'is empty: sample some messages first').max(MAX_RECORDS).optional(),
    lines: z.array(z.string()).min(1, 'is empty: paste some messages first').max(MAX_RECORDS).optional(),
  })
  .strict()
  .refine((body) => (body.records === undefined) !== (body.lines === undefined), 'must have either records or lines');
export type InferRequest = z.infer<typeof InferRequestSchema>;

function hasKafkaMetadata(record: SampleRecord): record is SampleRecord & { partition: number; offset: string; timestamp: number } {
  return record.partition !== null && record.offset !== null && record.timestamp !== null;
}

/**
 * Records with Kafka metadata keep it (partition, offset and time make issues findable and give
 * the Kafka timestamp candidate); pasted lines have none and go in as lines.
 */
export function toInferInput(records: readonly SampleRecord[]): InferInput {
  if (records.length > 0 && records.every(hasKafkaMetadata)) {
    return {
      records: records.map((r) => ({
        partition: r.partition as number,
        offset: r.offset as string,
        timestamp: r.timestamp as number,
        key: r.key,
        value: r.value,
        valueEncoding: r.valueEncoding,
        headers: Object.fromEntries(r.headers.filter((h) => h.value !== null).map((h) => [h.key, h.value as string])),
      })),
    };
  }
  return { lines: records.map((r) => r.value ?? '') };
}

/** The route's body normalised to lib/infer's input. */
export function inferInputOf(request: InferRequest): InferInput {
  return request.records ? toInferInput(request.records) : { lines: request.lines ?? [] };
}
