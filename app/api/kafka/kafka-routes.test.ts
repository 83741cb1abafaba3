// The /api/kafka routes in-process, for what they answer before asking Kafka: input validation
// with the parameter named, as JSON errors. What needs a broker is in kafka-routes-in-process.real.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';

let routes: {
  list: typeof import('./topics/route');
  topic: typeof import('./topics/[topic]/route');
  sample: typeof import('./topics/[topic]/sample/route');
};

beforeAll(async () => {
  // Nothing listens there: a request that reached Kafka would fail with 503, not 400.
  process.env.KAFKA_BROKERS = '127.0.0.1:1';
  process.env.DRUID_URL = 'http://127.0.0.1:1';
  routes = { list: await import('./topics/route'), topic: await import('./topics/[topic]/route'), sample: await import('./topics/[topic]/sample/route') };
});

const ctx = (topic: string) => ({ params: Promise.resolve({ topic }) });
const post = (topic: string, body: unknown) => routes.sample.POST(new Request(`http://app/api/kafka/topics/${topic}/sample`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), ctx(topic));

describe('GET /api/kafka/topics', () => {
  it('rejects a bad flag with the parameter named', async () => {
    const response = await routes.list.GET(new Request('http://app/api/kafka/topics?internal=maybe'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe('Invalid request query.internal: must be true or false');
  });
});

describe('GET /api/kafka/topics/{topic}', () => {
  it('answers 400 for a name Kafka would not allow', async () => {
    const response = await routes.topic.GET(new Request('http://app/api/kafka/topics/a%20b'), ctx('a b'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('path.topic: may only contain letters, digits');
  });
});

describe('POST /api/kafka/topics/{topic}/sample', () => {
  it('rejects a limit above 10,000 and an unknown source, naming the field', async () => {
    const tooMany = await post('web-clicks', { limit: 20_000 });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.message).toBe('Invalid request body.limit: must be at most 10000');
    const badFrom = await post('web-clicks', { from: { offsets: { '0': '-5' } } });
    expect((await badFrom.json()).error.message).toContain('body.from');
  });
});
