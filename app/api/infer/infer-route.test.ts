// POST /api/infer in-process: sampled records and pasted lines in, the inferred schema out;
// bad bodies are refused with the field named; framed values without a registry say so.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SampleRecord } from '@/lib/kafka/schemas';

let route: typeof import('./route');

beforeAll(async () => {
  process.env.KAFKA_BROKERS = '127.0.0.1:1';
  process.env.DRUID_URL = 'http://127.0.0.1:1';
  delete process.env.SCHEMA_REGISTRY_URL;
  route = await import('./route');
});

const post = (body: unknown) => route.POST(new Request('http://app/api/infer', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));

function record(i: number, value: string, valueEncoding: 'utf8' | 'base64' = 'utf8'): SampleRecord {
  return {
    partition: i % 2, offset: String(i), timestamp: Date.UTC(2026, 0, 1) + i * 1000, timestampType: 'create',
    key: null, keyEncoding: 'utf8', value, valueEncoding, valueSize: value.length, valueTruncated: false,
    headers: [{ key: 'edge', value: 'eu', encoding: 'utf8' }],
  };
}

describe('POST /api/infer', () => {
  it('infers JSON from records as the sampler returns them, with the event time and a metric', async () => {
    const records = Array.from({ length: 40 }, (_, i) =>
      record(i, JSON.stringify({ timestamp: String(Date.UTC(2026, 0, 1) + i * 1000), city: ['Oslo', 'Lima'][i % 2], click: String(i % 2) })),
    );
    const response = await post({ records });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.format).toBe('json');
    expect(body.plan.timestamp).toMatchObject({ column: 'timestamp', format: 'millis' });
    expect(body.columns.find((c: { name: string }) => c.name === 'city').role).toBe('dimension');
    expect(body.preview.rowsIn).toBe(40);
    expect(body.decoded).toBeUndefined();
  });

  it('reads pasted lines as CSV', async () => {
    const response = await post({ lines: ['id,temp', '1,20.5', '2,21.0', '3,19.5', '4,22.5', '5,20.0'] });
    const body = await response.json();
    expect(body.format).toBe('csv');
    expect(body.plan.decode.columnNames).toEqual(['id', 'temp']);
  });

  it('refuses a body without records or lines, naming what is wrong', async () => {
    const response = await post({ records: [] });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toContain('body');
  });

  it('says that framed values need a schema registry when none is configured', async () => {
    const framed = Buffer.concat([Buffer.from([0, 0, 0, 0, 7]), Buffer.from('binary avro payload')]).toString('base64');
    const response = await post({ records: Array.from({ length: 5 }, (_, i) => record(i, framed, 'base64')) });
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body.warnings.map((w: { code: string }) => w.code)).toContain('schema-registry-needed');
    expect(body.warnings.find((w: { code: string }) => w.code === 'schema-registry-needed').message).toContain('schema id 7');
  });
});
