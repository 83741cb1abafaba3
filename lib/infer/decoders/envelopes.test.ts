import { describe, expect, it } from 'vitest';
import { connectColumnType, readConnectEnvelope } from './connect';
import { readDebeziumEvent } from './debezium';

describe('Kafka Connect envelopes', () => {
  it('reads the payload and the schema fields', () => {
    const envelope = readConnectEnvelope({ schema: { type: 'struct', fields: [{ field: 'n', type: 'int32' }] }, payload: { n: 1 } });
    expect(envelope).toEqual({ payload: { n: 1 }, fields: [{ field: 'n', type: 'int32' }] });
    expect(readConnectEnvelope({ payload: { n: 1 } })).toBeNull();
  });

  it('maps Connect types and logical types to Druid types', () => {
    expect(connectColumnType({ field: 'd', type: 'int32', name: 'org.apache.kafka.connect.data.Date' })?.why).toMatch(/days since epoch/);
    expect(connectColumnType({ field: 'f', type: 'float32' })?.type).toBe('double');
    expect(connectColumnType({ field: 'b', type: 'boolean' })?.type).toBe('string');
    expect(connectColumnType({ field: 'a', type: 'array', items: { type: 'int64' } })?.type).toBe('array<long>');
    expect(connectColumnType({ field: 's', type: 'struct' })?.type).toBe('json');
  });
});

describe('Debezium change events', () => {
  it('keeps the columns of a delete with no values', () => {
    const event = readDebeziumEvent({ before: { id: 1, name: 'a' }, after: null, source: { ts_ms: 5 }, op: 'd' });
    expect(event).toMatchObject({ base: '$', op: 'd', sourceTsMs: 5 });
    expect({ ...event?.image }).toEqual({ id: null, name: null });
  });

  it('is not fooled by an object that merely has an op field', () => {
    expect(readDebeziumEvent({ op: 'c', after: {} })).toBeNull();
    expect(readDebeziumEvent({ op: 'create', source: {}, after: {} })).toBeNull();
  });
});
