// The review step's routes in-process against a fake Overlord: the server's defaults without
// secrets, and "check with Druid" through the sampler, or saying the cluster has none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startFakeDruid, type FakeDruid } from '@/lib/druid/testing/fake-druid';
import { CheckResponseSchema, LoadDefaultsSchema } from '@/components/load/review/schemas';

let fake: FakeDruid;
let routes: { defaults: typeof import('./defaults/route'); check: typeof import('./check/route') };

const spec = {
  type: 'kafka',
  spec: {
    dataSchema: { dataSource: 'payments', timestampSpec: { column: 'ts', format: 'iso' }, dimensionsSpec: { dimensions: ['method'] }, granularitySpec: { segmentGranularity: 'hour' } },
    ioConfig: { type: 'kafka', topic: 'payments', inputFormat: { type: 'json' }, consumerProperties: { 'bootstrap.servers': 'kafka:29092' }, useEarliestOffset: true },
  },
};

beforeAll(async () => {
  fake = await startFakeDruid(() => json('{}'));
  Object.assign(process.env, { KAFKA_BROKERS: 'localhost:9092', DRUID_KAFKA_BROKERS: 'kafka:29092', DRUID_URL: fake.url, DRUID_USER: 'admin', DRUID_PASSWORD: 'druid-password' });
  routes = { defaults: await import('./defaults/route'), check: await import('./check/route') };
});

afterAll(() => fake.close());

const post = (body: unknown) => routes.check.POST(new Request('http://app/api/load/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));

describe('/api/load', () => {
  it('gives the brokers as Druid reaches them and the Overlord address, never the credentials', async () => {
    const response = await routes.defaults.GET(new Request('http://app/api/load/defaults'));
    const text = await response.text();
    expect(LoadDefaultsSchema.parse(JSON.parse(text))).toEqual({ bootstrapServers: ['kafka:29092'], overlordUrl: fake.url });
    expect(text).not.toContain('druid-password');
  });

  it("returns the rows Druid's sampler parsed and the messages it could not", async () => {
    fake.handle((request) => {
      const sent = JSON.parse(request.body);
      expect(request.url).toBe('/druid/indexer/v1/sampler');
      expect(sent).toMatchObject({ type: 'kafka', spec: { type: 'kafka', ioConfig: { topic: 'payments' } }, samplerConfig: { numRows: 200 } });
      return json(JSON.stringify({ numRowsRead: 2, numRowsIndexed: 1, data: [{ input: { method: 'card' }, parsed: { __time: 1, method: 'card' } }, { input: { raw: 'oops' }, unparseable: true, error: 'Unable to parse row [oops]' }] }));
    });
    const response = await post({ spec });
    expect(response.status).toBe(200);
    expect(CheckResponseSchema.parse(await response.json())).toEqual({
      available: true,
      numRowsRead: 2,
      numRowsIndexed: 1,
      rows: [{ __time: 1, method: 'card' }],
      unparseable: [{ raw: 'oops', error: 'Unable to parse row [oops]' }],
    });
  });

  it('says so when the cluster has no sampler', async () => {
    fake.handle(() => json('{"error":"not found"}', 404));
    expect(await (await post({ spec })).json()).toEqual({ available: false, reason: expect.stringContaining('does not offer the sampler') });
  });

  it('refuses a broken spec and says where it is broken', async () => {
    const response = await post({ spec: { ...spec, spec: { ...spec.spec, ioConfig: { ...spec.spec.ioConfig, taskCount: 'two' } } } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('spec.ioConfig.taskCount');
  });
});
