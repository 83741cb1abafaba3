// Calls to the app of the local stack, as scripts and the browser make them, and what tests
// create on the real Kafka (topics with messages) and clean up after.
import { Kafka, logLevel, type Message } from 'kafkajs';
import { testStack } from './real-stack';

export async function appJson<T = Record<string, unknown>>(route: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const { appUrl } = testStack();
  if (!appUrl) throw new Error('the local stack runs no app; start it without --no-app');
  const response = await fetch(`${appUrl}${route}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Kafka's default message.max.bytes is 1 MB a batch: small messages go in sends of this many. */
const PRODUCE_BATCH_MESSAGES = 2_000;

export function stackKafka(): Kafka {
  return new Kafka({ clientId: 'tributary-tests', brokers: [testStack().kafka.bootstrapServers], logLevel: logLevel.NOTHING });
}

/** Creates a topic and writes the messages (to partitions round-robin unless they name one). */
export async function createTopicWith(topic: string, partitions: number, messages: readonly Message[]): Promise<void> {
  const kafka = stackKafka();
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  if (messages.length === 0) return;
  const producer = kafka.producer();
  await producer.connect();
  try {
    for (let start = 0; start < messages.length; start += PRODUCE_BATCH_MESSAGES) {
      const batch = messages.slice(start, start + PRODUCE_BATCH_MESSAGES);
      await producer.send({ topic, messages: batch.map((message, k) => ({ partition: (start + k) % partitions, ...message })) });
    }
  } finally {
    await producer.disconnect();
  }
}

export async function deleteTopics(...topics: string[]): Promise<void> {
  const admin = stackKafka().admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

/** Samples a topic through the app's NDJSON route, as the wizard does; returns the records. */
export async function sampleThroughApp(topic: string, request: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const { appUrl } = testStack();
  const response = await fetch(`${appUrl}/api/kafka/topics/${encodeURIComponent(topic)}/sample`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`sample of ${topic} answered ${response.status}: ${await response.text()}`);
  const records: Record<string, unknown>[] = [];
  for (const line of (await response.text()).split('\n')) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as { type: string; records?: Record<string, unknown>[]; error?: { message: string } };
    if (event.type === 'error') throw new Error(`sample of ${topic} failed: ${event.error?.message}`);
    if (event.type === 'records') records.push(...event.records!);
  }
  return records;
}
