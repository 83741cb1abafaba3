// Inference on a real topic of back-filled history: event times days before the Kafka record
// times. The field that parses as a time in every message is the timestamp, not Kafka's time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appJson, createTopicWith, deleteTopics, sampleThroughApp } from '@/testing/app';

const topic = `backfill-${Date.now().toString(36)}`;
const DAY_MS = 86_400_000;
const startMs = Date.now() - 9 * DAY_MS;

describe('inference on back-filled messages', () => {
  beforeAll(() =>
    createTopicWith(
      topic,
      1,
      Array.from({ length: 200 }, (_, i) => ({ value: JSON.stringify({ occurredAt: new Date(startMs + i * 60_000).toISOString(), epochMs: startMs + i * 60_000, sensor: `s${i % 4}`, reading: i % 17 }) })),
    ),
  );
  afterAll(() => deleteTopics(topic));

  it('picks the event time column over kafka.timestamp and keeps it out of the dimensions', async () => {
    const records = await sampleThroughApp(topic, { from: 'earliest', limit: 200 });
    const { status, body } = await appJson<{ timestamp: { column: string; format: string }; dimensionsSpec: { dimensions: (string | { name: string })[] } }>('/api/infer', { body: { records } });
    expect(status).toBe(200);
    expect(['occurredAt', 'epochMs']).toContain(body.timestamp.column);
    const dimensions = body.dimensionsSpec.dimensions.map((dimension) => (typeof dimension === 'string' ? dimension : dimension.name));
    expect(dimensions).not.toContain(body.timestamp.column);
  });
});
