// Decoding a framed sample through the Schema Registry: each schema id is resolved once,
// then Avro values are read with avsc and Protobuf values with protobufjs (loaded only when
// a registry is configured, so pages that never see framing never load them).
import type { SampleRecord } from '../input';
import type { InputFormatName, Warning } from '../model';
import { readFraming, valueBytes, type SchemaResolver, type SchemaType } from './confluent';
import { parseJson } from './json';

export type { SchemaResolver };

export interface FramedSample {
  readonly format: InputFormatName;
  /** Decoded value per record index, or the Error saying why it could not be decoded. */
  readonly values: unknown[];
  readonly why: string;
  readonly warnings: Warning[];
}

type Decoder = (payload: Uint8Array) => unknown;

interface BufferLike {
  from(bytes: Uint8Array): Uint8Array;
}

/** Avro values as plain data: bytes become base64 text, records plain objects. */
function plain(value: unknown, depth = 0): unknown {
  if (value instanceof Uint8Array) return btoa(String.fromCharCode(...value));
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  if (value !== null && typeof value === 'object' && depth < 64) {
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value)) out[key] = plain((value as Record<string, unknown>)[key], depth + 1);
    return out;
  }
  return value;
}

async function avroDecoder(schema: string): Promise<Decoder> {
  const avro = await import('avsc');
  const type = avro.Type.forSchema(JSON.parse(schema));
  const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;
  if (!NodeBuffer) throw new Error('Avro decoding runs on the server (it needs Buffer)');
  return (payload) => plain(type.fromBuffer(NodeBuffer.from(payload) as Parameters<typeof type.fromBuffer>[0]));
}

/** Confluent's Protobuf framing puts message indexes (zigzag varints) before the payload. */
function readMessageIndexes(bytes: Uint8Array): { indexes: number[]; offset: number } {
  let offset = 0;
  const varint = (): number => {
    let result = 0, shift = 0, byte: number;
    do {
      if (offset >= bytes.length) throw new Error('truncated Protobuf message indexes');
      byte = bytes[offset++];
      result |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80 && shift < 35);
    return (result >>> 1) ^ -(result & 1);
  };
  const count = varint();
  if (count === 0) return { indexes: [0], offset };
  const indexes: number[] = [];
  for (let i = 0; i < count; i++) indexes.push(varint());
  return { indexes, offset };
}

async function protobufDecoder(schema: string): Promise<Decoder> {
  const protobuf = await import('protobufjs');
  const parsed = protobuf.parse(schema, { keepCase: true });
  const root = parsed.root;
  const namespace = parsed.package ? root.lookup(parsed.package) : root;
  const messagesIn = (ns: unknown) =>
    ns && typeof ns === 'object' && 'nestedArray' in ns ? (ns as { nestedArray: unknown[] }).nestedArray.filter((n): n is InstanceType<typeof protobuf.Type> => n instanceof protobuf.Type) : [];
  return (payload) => {
    const { indexes, offset } = readMessageIndexes(payload);
    let type = messagesIn(namespace)[indexes[0]];
    for (const index of indexes.slice(1)) type = messagesIn(type)[index];
    if (!type) throw new Error(`message index [${indexes.join(', ')}] is not in the schema`);
    const message = type.decode(payload.subarray(offset));
    return type.toObject(message, { longs: String, enums: String, bytes: String, defaults: false });
  };
}

function jsonDecoder(): Decoder {
  return (payload) => {
    const parsed = parseJson(new TextDecoder().decode(payload));
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.value;
  };
}

async function decoderFor(type: SchemaType, schema: string): Promise<Decoder> {
  if (type === 'AVRO') return avroDecoder(schema);
  if (type === 'PROTOBUF') return protobufDecoder(schema);
  return jsonDecoder();
}

const FORMAT_OF: Readonly<Record<SchemaType, InputFormatName>> = { AVRO: 'avro', PROTOBUF: 'protobuf', JSON: 'json' };

export async function decodeFramedSample(records: readonly SampleRecord[], resolver: SchemaResolver | undefined): Promise<FramedSample> {
  const framing = records.map((r) => {
    const bytes = valueBytes(r);
    return bytes ? readFraming(bytes) : null;
  });
  const ids = [...new Set(framing.flatMap((f) => (f ? [f.schemaId] : [])))];
  if (!resolver) {
    const message = `the values carry Confluent Schema Registry framing (schema id ${ids.slice(0, 5).join(', ')}); configure a schema registry to decode them`;
    return {
      format: 'avro',
      values: records.map(() => new Error(message)),
      why: 'no schema registry is configured, so the values cannot be decoded',
      warnings: [{ code: 'schema-registry-needed', message }],
    };
  }
  const decoders = new Map<number, { type: SchemaType; decode: Decoder } | Error>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        const found = await resolver(id);
        decoders.set(id, { type: found.type, decode: await decoderFor(found.type, found.schema) });
      } catch (error) {
        decoders.set(id, new Error(`schema ${id} could not be used: ${error instanceof Error ? error.message : String(error)}`));
      }
    }),
  );
  const typeVotes = new Map<SchemaType, number>();
  const values = records.map((record, i) => {
    const frame = framing[i];
    if (!frame) return new Error('the value has no Schema Registry framing (no magic byte and schema id)');
    const decoder = decoders.get(frame.schemaId);
    if (!decoder || decoder instanceof Error) return decoder ?? new Error(`schema ${frame.schemaId} is unknown`);
    typeVotes.set(decoder.type, (typeVotes.get(decoder.type) ?? 0) + 1);
    try {
      return decoder.decode(frame.payload);
    } catch (error) {
      return new Error(`could not decode with schema ${frame.schemaId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const type = [...typeVotes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'AVRO';
  const warnings: Warning[] = [];
  if (type === 'JSON') {
    warnings.push({ code: 'json-schema-framing', message: "the values are JSON Schema messages with Schema Registry framing; Druid's json input format cannot skip the 5-byte header, so produce plain JSON or strip the framing before ingestion" });
  }
  return { format: FORMAT_OF[type], values, why: `decoded through the schema registry as ${type} (schema id ${ids.join(', ')})`, warnings };
}
