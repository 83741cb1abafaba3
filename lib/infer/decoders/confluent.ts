// Confluent Schema Registry framing: a zero magic byte, a 4-byte big-endian schema id, then
// the payload (Avro binary, Protobuf with message indexes, or JSON). Decoding needs the
// schema, fetched by an injected resolver that server code implements; without one,
// inference reports the framing and the schema ids it saw.
import type { SampleRecord } from '../input';

export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

/** Fetches a schema by id from a Schema Registry; implemented outside the model layer. */
export type SchemaResolver = (schemaId: number) => Promise<{ readonly type: SchemaType; readonly schema: string }>;

const HEADER_BYTES = 5;

/** The raw bytes of a record's value, from base64 bytes or from text carrying the frame. */
export function valueBytes(record: SampleRecord): Uint8Array | null {
  if (record.bytes) return record.bytes;
  if (record.text === null || record.text.length < HEADER_BYTES || record.text.charCodeAt(0) !== 0) return null;
  const text = record.text;
  // Text delivery of a framed value: the header bytes were valid UTF-8 (all below 0x80).
  const head = new Uint8Array(HEADER_BYTES);
  for (let i = 0; i < HEADER_BYTES; i++) head[i] = text.charCodeAt(i);
  const body = new TextEncoder().encode(text.slice(HEADER_BYTES));
  const bytes = new Uint8Array(HEADER_BYTES + body.length);
  bytes.set(head, 0);
  bytes.set(body, HEADER_BYTES);
  return bytes;
}

export function hasConfluentFraming(record: SampleRecord): boolean {
  const bytes = valueBytes(record);
  return bytes !== null && bytes.length > HEADER_BYTES && bytes[0] === 0;
}

export interface Framed {
  readonly schemaId: number;
  readonly payload: Uint8Array;
}

export function readFraming(bytes: Uint8Array): Framed | null {
  if (bytes.length <= HEADER_BYTES || bytes[0] !== 0) return null;
  const schemaId = ((bytes[1] << 24) >>> 0) + (bytes[2] << 16) + (bytes[3] << 8) + bytes[4];
  return { schemaId, payload: bytes.subarray(HEADER_BYTES) };
}
