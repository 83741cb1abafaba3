// The /api/kafka routes end to end in-process: input validation, JSON errors, and the NDJSON sample stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeKafkaClient } from '@/lib/kafka/client';
import { SampleEventSchema, TopicDetailSchema, TopicListSchema, type SampleEvent } from '@/lib/kafka/schemas';
import { MockCluster, produce } from '@/devstack/kafka/testing/local-kafka';

let cluster: MockCluster;
let routes: {
  list: typeof import('./topics/route');
  topic: typeof import('./topics/[topic]/route');
  sample: typeof import('./topics/[topic]/sample/route');
};

beforeAll(async () => {
  cluster = new MockCluster({ brokers: 1 });
  cluster.createTopic({ name: 'web-clicks', partitions: 12 });
  await produce(cluster.bootstrapServers, 'web-clicks', Array.from({ length: 1200 }, (_, i) => ({ value: `{"n":${i}}`, partition: i % 12 })));
  process.env.KAFKA_BROKERS = cluster.bootstrapServers;
  process.env.DRUID_URL = 'http://127.0.0.1:1';
  routes = { list: await import('./topics/route'), topic: await import('./topics/[topic]/route'), sample: await import('./topics/[topic]/sample/route') };
});

afterAll(async () => {
  await closeKafkaClient();
  cluster.close();
});

const ctx = (topic: string) => ({ params: Promise.resolve({ topic }) });
const post = (topic: string, body: unknown, signal?: AbortSignal) =>
  routes.sample.POST(new Request(`http://app/api/kafka/topics/${topic}/sample`, { method: 'POST', body: JSON.stringify(body), signal }), ctx(topic));

async function readEvents(response: Response): Promise<SampleEvent[]> {
  const text = await response.text();
  return text.trim().split('\n').map((line) => SampleEventSchema.parse(JSON.parse(line)));
}

describe('GET /api/kafka/topics', () => {
  it('lists topics in the shared schema', async () => {
    const response = await routes.list.GET(new Request('http://app/api/kafka/topics'));
    expect(response.status).toBe(200);
    const list = TopicListSchema.parse(await response.json());
    expect(list.topics.map((t) => [t.name, t.partitionCount, t.messages])).toEqual([['web-clicks', 12, '1200']]);
  });

  it('rejects a bad flag with the parameter named', async () => {
    const response = await routes.list.GET(new Request('http://app/api/kafka/topics?internal=maybe'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe('Invalid request query.internal: must be true or false');
  });
});

describe('GET /api/kafka/topics/{topic}', () => {
  it('describes a topic', async () => {
    const response = await routes.topic.GET(new Request('http://app/api/kafka/topics/web-clicks'), ctx('web-clicks'));
    expect(TopicDetailSchema.parse(await response.json()).partitions).toHaveLength(12);
  });

  it('answers 404 for a topic that does not exist', async () => {
    const response = await routes.topic.GET(new Request('http://app/api/kafka/topics/nope'), ctx('nope'));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'topic_not_found', message: 'Topic "nope" does not exist on this Kafka cluster.' } });
  });

  it('answers 400 for a name Kafka would not allow', async () => {
    const response = await routes.topic.GET(new Request('http://app/api/kafka/topics/a%20b'), ctx('a b'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('path.topic: may only contain letters, digits');
  });
});

describe('POST /api/kafka/topics/{topic}/sample', () => {
  it('streams start, records and end events as NDJSON', async () => {
    const response = await post('web-clicks', { from: 'earliest', limit: 1000 });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const events = await readEvents(response);
    expect(events[0].type).toBe('start');
    const records = events.flatMap((e) => (e.type === 'records' ? e.records : []));
    expect(records).toHaveLength(1000);
    expect(events.at(-1)).toMatchObject({ type: 'end', reason: 'limit', progress: { records: 1000 } });
  });

  it('rejects a limit above 10,000 and an unknown source, naming the field', async () => {
    const tooMany = await post('web-clicks', { limit: 20_000 });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.message).toBe('Invalid request body.limit: must be at most 10000');
    const badFrom = await post('web-clicks', { from: { offsets: { '0': '-5' } } });
    expect((await badFrom.json()).error.message).toContain('body.from');
  });

  it('stops reading when the client goes away', async () => {
    const controller = new AbortController();
    const response = await post('web-clicks', { from: 'earliest', limit: 10_000 }, controller.signal);
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel();
    // Nothing hangs: a fresh sample right after still answers.
    const again = await readEvents(await post('web-clicks', { from: 'latest', limit: 12 }));
    expect(again.at(-1)).toMatchObject({ type: 'end', reason: 'complete', progress: { records: 12 } });
  });
});
