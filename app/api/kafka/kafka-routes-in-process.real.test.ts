// The /api/kafka routes end to end in-process against the local stack's Kafka 4.4: topic list and
// detail in the shared schemas, 404 for a missing topic, and the NDJSON sample stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTopicWith, deleteTopics } from '@/testing/app';
import { testStack } from '@/testing/real-stack';
import { closeKafkaClient } from '@/lib/kafka/client';
import { SampleEventSchema, TopicDetailSchema, TopicListSchema, type SampleEvent } from '@/lib/kafka/schemas';

const suffix = Date.now().toString(36);
const topic = `routes-${suffix}-web-clicks`;
const missing = `nope-${suffix}`;
let routes: {
  list: typeof import('./topics/route');
  topic: typeof import('./topics/[topic]/route');
  sample: typeof import('./topics/[topic]/sample/route');
};

beforeAll(async () => {
  await createTopicWith(topic, 12, Array.from({ length: 1200 }, (_, i) => ({ value: `{"n":${i}}` })));
  process.env.KAFKA_BROKERS = testStack().kafka.bootstrapServers;
  process.env.DRUID_URL = 'http://127.0.0.1:1';
  routes = { list: await import('./topics/route'), topic: await import('./topics/[topic]/route'), sample: await import('./topics/[topic]/sample/route') };
});

afterAll(async () => {
  await closeKafkaClient();
  await deleteTopics(topic);
});

const ctx = (name: string) => ({ params: Promise.resolve({ topic: name }) });
const post = (name: string, body: unknown, signal?: AbortSignal) =>
  routes.sample.POST(new Request(`http://app/api/kafka/topics/${name}/sample`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal }), ctx(name));

async function readEvents(response: Response): Promise<SampleEvent[]> {
  const text = await response.text();
  return text.trim().split('\n').map((line) => SampleEventSchema.parse(JSON.parse(line)));
}

describe('GET /api/kafka/topics', () => {
  it('lists topics in the shared schema', async () => {
    const response = await routes.list.GET(new Request('http://app/api/kafka/topics'));
    expect(response.status).toBe(200);
    const list = TopicListSchema.parse(await response.json());
    expect(list.topics.filter((t) => t.name === topic).map((t) => [t.name, t.partitionCount, t.messages])).toEqual([[topic, 12, '1200']]);
  });
});

describe('GET /api/kafka/topics/{topic}', () => {
  it('describes a topic', async () => {
    const response = await routes.topic.GET(new Request(`http://app/api/kafka/topics/${topic}`), ctx(topic));
    expect(TopicDetailSchema.parse(await response.json()).partitions).toHaveLength(12);
  });

  it('answers 404 for a topic that does not exist', async () => {
    const response = await routes.topic.GET(new Request(`http://app/api/kafka/topics/${missing}`), ctx(missing));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'topic_not_found', message: `Topic "${missing}" does not exist on this Kafka cluster.` } });
  });
});

describe('POST /api/kafka/topics/{topic}/sample', () => {
  it('streams start, records and end events as NDJSON', async () => {
    const response = await post(topic, { from: 'earliest', limit: 1000 });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const events = await readEvents(response);
    expect(events[0].type).toBe('start');
    const records = events.flatMap((e) => (e.type === 'records' ? e.records : []));
    expect(records).toHaveLength(1000);
    expect(events.at(-1)).toMatchObject({ type: 'end', reason: 'limit', progress: { records: 1000 } });
  });

  it('stops reading when the client goes away', async () => {
    const controller = new AbortController();
    const response = await post(topic, { from: 'earliest', limit: 10_000 }, controller.signal);
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel();
    // Nothing hangs: a fresh sample right after still answers.
    const again = await readEvents(await post(topic, { from: 'latest', limit: 12 }));
    expect(again.at(-1)).toMatchObject({ type: 'end', reason: 'complete', progress: { records: 12 } });
  });
});
