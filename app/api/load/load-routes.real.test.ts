// The review step's routes in-process against real Druid 33, through an HTTP fault proxy in front
// of the stack's Router: the server's defaults without secrets, and "check with Druid" through
// the real sampler on a real topic, or saying the cluster has none.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpFaultProxy, type HttpFaultProxy } from '@/testing/http-fault-proxy';
import { testStack } from '@/testing/real-stack';
import { createTopicWith, deleteTopics } from '@/testing/app';
import { CheckResponseSchema, LoadDefaultsSchema } from '@/components/load/review/schemas';

const TOPIC = `load-check-${Date.now().toString(36)}`;
const TIME = '2026-01-01T00:00:00.000Z';

let proxy: HttpFaultProxy;
let routes: { defaults: typeof import('./defaults/route'); check: typeof import('./check/route') };
let bootstrapServers: string;

const spec = () => ({
  type: 'kafka',
  spec: {
    dataSchema: { dataSource: TOPIC, timestampSpec: { column: 'ts', format: 'iso' }, dimensionsSpec: { dimensions: ['method'] }, granularitySpec: { segmentGranularity: 'hour' } },
    ioConfig: { type: 'kafka', topic: TOPIC, inputFormat: { type: 'json' }, consumerProperties: { 'bootstrap.servers': bootstrapServers }, useEarliestOffset: true },
  },
});

beforeAll(async () => {
  const stack = testStack();
  bootstrapServers = stack.kafka.bootstrapServers;
  await createTopicWith(TOPIC, 1, [{ value: JSON.stringify({ ts: TIME, method: 'card' }) }, { value: 'oops' }]);
  proxy = await startHttpFaultProxy({ target: stack.druidUrl });
  Object.assign(process.env, { KAFKA_BROKERS: bootstrapServers, DRUID_KAFKA_BROKERS: bootstrapServers, DRUID_URL: proxy.url, DRUID_USER: 'admin', DRUID_PASSWORD: 'druid-password' });
  routes = { defaults: await import('./defaults/route'), check: await import('./check/route') };
});

afterAll(async () => {
  await proxy?.close();
  await deleteTopics(TOPIC);
});

afterEach(() => proxy.setFault(null));

const post = (body: unknown) => routes.check.POST(new Request('http://app/api/load/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));

describe('/api/load', () => {
  it('gives the brokers as Druid reaches them and the Overlord address, never the credentials', async () => {
    const response = await routes.defaults.GET(new Request('http://app/api/load/defaults'));
    const text = await response.text();
    expect(LoadDefaultsSchema.parse(JSON.parse(text))).toEqual({
      bootstrapServers: [bootstrapServers],
      overlordUrl: proxy.url,
      kafkaSecurity: { protocol: 'PLAINTEXT' },
      ownClusters: { kafka: [bootstrapServers], schemaRegistries: [] },
    });
    expect(text).not.toContain('druid-password');
  });

  it("returns the rows Druid's sampler parsed and the messages it could not", async () => {
    const response = await post({ spec: spec() });
    expect(response.status).toBe(200);
    const answer = CheckResponseSchema.parse(await response.json());
    expect(answer).toMatchObject({ available: true, numRowsRead: 2, numRowsIndexed: 1, rows: [{ __time: Date.parse(TIME), method: 'card' }] });
    if (!answer.available) return;
    // Druid 33 sends no "input" for a message it could not parse; its error quotes the message.
    expect(answer.unparseable).toEqual([{ raw: null, error: 'Unable to parse row [oops] into JSON' }]);
    const sent = JSON.parse(proxy.requests.find((r) => r.url === '/druid/indexer/v1/sampler')!.body);
    expect(sent).toMatchObject({ type: 'kafka', spec: { type: 'kafka', ioConfig: { topic: TOPIC } }, samplerConfig: { numRows: 200 } });
  });

  it('says so when the cluster has no sampler', async () => {
    // What a Router answers for a path it does not route: Jetty's 404 page.
    proxy.setFault({ kind: 'status', status: 404, contentType: 'text/html;charset=iso-8859-1', body: '<html><body><h2>HTTP ERROR 404 Not Found</h2></body></html>', pathPrefix: '/druid/indexer/v1/sampler' });
    expect(await (await post({ spec: spec() })).json()).toEqual({ available: false, reason: expect.stringContaining('does not offer the sampler') });
  });

  it('refuses a broken spec and says where it is broken', async () => {
    const broken = spec();
    const response = await post({ spec: { ...broken, spec: { ...broken.spec, ioConfig: { ...broken.spec.ioConfig, taskCount: 'two' } } } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('spec.ioConfig.taskCount');
  });
});
