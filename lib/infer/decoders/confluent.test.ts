import avro from 'avsc';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { inferSchema } from '../infer';
import type { SchemaResolver } from './confluent';

const NOW = Date.UTC(2026, 10, 21, 6, 0, 0);
const AVRO_SCHEMA = JSON.stringify({
  type: 'record',
  name: 'Click',
  fields: [
    { name: 'ts', type: 'long' },
    { name: 'country', type: 'string' },
    { name: 'clicks', type: 'int' },
  ],
});
const PROTO_SCHEMA = 'syntax = "proto3"; package shop; message Order { int64 placed_at = 1; string store = 2; double amount = 3; }';

function framed(schemaId: number, body: Uint8Array, messageIndexes: number[] = []): string {
  const bytes = new Uint8Array(5 + messageIndexes.length + body.length);
  bytes.set([0, (schemaId >>> 24) & 255, (schemaId >>> 16) & 255, (schemaId >>> 8) & 255, schemaId & 255]);
  bytes.set(messageIndexes, 5);
  bytes.set(body, 5 + messageIndexes.length);
  return btoa(String.fromCharCode(...bytes));
}

const record = (i: number, value: string) => ({ partition: 0, offset: String(i), timestamp: NOW - (60 - i) * 1000, key: null, value, valueEncoding: 'base64' as const });

function avroRecords() {
  const type = avro.Type.forSchema(JSON.parse(AVRO_SCHEMA));
  return Array.from({ length: 40 }, (_, i) =>
    record(i, framed(7, new Uint8Array(type.toBuffer({ ts: NOW - (60 - i) * 1000 - 300, country: ['fr', 'de'][i % 2], clicks: i % 4 })))),
  );
}

describe('Confluent Schema Registry framing', () => {
  it('decodes Avro through the resolver and answers an avro_stream input format', async () => {
    const resolver: SchemaResolver = async (id) => {
      if (id !== 7) throw new Error(`unknown schema ${id}`);
      return { type: 'AVRO', schema: AVRO_SCHEMA };
    };
    const result = await inferSchema({ records: avroRecords() }, { now: NOW, schemaResolver: resolver, schemaRegistryUrl: 'http://registry:8081' });
    expect(result.format).toBe('avro');
    expect(result.inputFormat).toEqual({ type: 'avro_stream', avroBytesDecoder: { type: 'schema_registry', url: 'http://registry:8081' }, binaryAsString: false });
    expect(result.timestampSpec).toEqual({ column: 'ts', format: 'millis' });
    expect(result.columns.find((c) => c.name === 'clicks')).toMatchObject({ type: 'long', role: 'metric' });
    expect(result.preview.unparseableCount).toBe(0);
    expect(result.formatWhy).toContain('schema id 7');
  });

  it('decodes Protobuf with Confluent message indexes', async () => {
    const root = protobuf.parse(PROTO_SCHEMA, { keepCase: true }).root;
    const Order = root.lookupType('shop.Order');
    const records = Array.from({ length: 30 }, (_, i) =>
      record(i, framed(3, Order.encode(Order.create({ placed_at: NOW - (60 - i) * 1000, store: `s${i % 3}`, amount: 9.5 + i })).finish(), [0])),
    );
    const result = await inferSchema({ records }, { now: NOW, schemaResolver: async () => ({ type: 'PROTOBUF', schema: PROTO_SCHEMA }) });
    expect(result.format).toBe('protobuf');
    expect(result.inputFormat).toMatchObject({ type: 'protobuf', protoBytesDecoder: { type: 'schema_registry' } });
    expect(result.timestampSpec).toEqual({ column: 'placed_at', format: 'millis' });
    expect(result.columns.find((c) => c.name === 'amount')).toMatchObject({ type: 'double', role: 'metric' });
  });

  it('says clearly that a registry is needed when none is configured', async () => {
    const result = await inferSchema({ records: avroRecords() }, { now: NOW });
    expect(result.warnings[0]).toMatchObject({ code: 'schema-registry-needed' });
    expect(result.warnings[0].message).toContain('schema id 7');
    expect(result.preview.unparseableCount).toBe(40);
    expect(result.preview.unparseable[0].reason).toMatch(/configure a schema registry/);
  });

  it('reports a schema the registry cannot provide, per message', async () => {
    const result = await inferSchema({ records: avroRecords() }, { now: NOW, schemaResolver: async () => Promise.reject(new Error('404 Subject not found')) });
    expect(result.preview.unparseable[0].reason).toBe('schema 7 could not be used: 404 Subject not found');
  });
});
