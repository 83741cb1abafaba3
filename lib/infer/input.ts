// The boundary of inference: what a caller may send (records as the sampler returns them,
// or bare lines), validated with zod, and normalised to one record shape.
import { z } from 'zod';

/** Values larger than this are not decoded for inference; the record is reported instead. */
export const MAX_VALUE_BYTES = 4 * 1024 * 1024;
export const MAX_SAMPLE_RECORDS = 50_000;

export const kafkaRecordSchema = z.object({
  partition: z.number().int().nonnegative(),
  // Offsets are 64-bit: strings, never floats.
  offset: z.string().regex(/^\d+$/, 'offset must be a decimal string'),
  timestamp: z.number().finite(),
  key: z.string().nullable(),
  value: z.string().nullable(),
  valueEncoding: z.enum(['utf8', 'base64']).optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

export const inferInputSchema = z.union([
  z.object({ records: z.array(kafkaRecordSchema).min(1, 'records is empty').max(MAX_SAMPLE_RECORDS) }),
  z.object({ lines: z.array(z.string()).min(1, 'lines is empty').max(MAX_SAMPLE_RECORDS) }),
]);

export type KafkaRecord = z.infer<typeof kafkaRecordSchema>;
export type InferInput = z.infer<typeof inferInputSchema>;

/** A record ready for decoding: its value as text, or the reason it has none. */
export interface SampleRecord {
  readonly index: number;
  readonly partition?: number;
  readonly offset?: string;
  /** Kafka record time, ms; absent for bare lines. */
  readonly kafkaTime?: number;
  readonly text: string | null;
  /** Raw bytes for base64 values (Schema Registry framing, binary formats). */
  readonly bytes?: Uint8Array;
  readonly problem?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Decodes bytes as UTF-8; a byte order mark is dropped (Druid's readers skip it too). */
export function bytesToText(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function fromRecord(record: KafkaRecord, index: number): SampleRecord {
  const { partition, offset, timestamp: kafkaTime } = record;
  if (record.value === null) return { index, partition, offset, kafkaTime, text: null, problem: 'the value is null (a tombstone)' };
  if (record.valueEncoding === 'base64') {
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(record.value);
    } catch {
      return { index, partition, offset, kafkaTime, text: null, problem: 'valueEncoding is base64 but the value is not valid base64' };
    }
    return { index, partition, offset, kafkaTime, bytes, text: bytes.length > MAX_VALUE_BYTES ? null : bytesToText(bytes) };
  }
  return { index, partition, offset, kafkaTime, text: stripBom(record.value) };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Turns validated input into sample records. Throws a zod error naming the bad field. */
export function toSampleRecords(input: unknown): readonly SampleRecord[] {
  const parsed = inferInputSchema.parse(input);
  if ('records' in parsed) return parsed.records.map(fromRecord);
  return parsed.lines.map((line, index) => ({ index, text: stripBom(line) }));
}

/** Why a record cannot be decoded as text, or undefined when it can. */
export function textProblem(record: SampleRecord): string | undefined {
  if (record.problem) return record.problem;
  if (record.text === null) {
    if (record.bytes && record.bytes.length > MAX_VALUE_BYTES) {
      return `the value is ${record.bytes.length} bytes, over the ${MAX_VALUE_BYTES}-byte inference limit`;
    }
    return 'the value is not valid UTF-8 text';
  }
  if (record.text.length > MAX_VALUE_BYTES) {
    return `the value is ${record.text.length} characters, over the ${MAX_VALUE_BYTES}-character inference limit`;
  }
  return undefined;
}
