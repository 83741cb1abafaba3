// Resetting to a time against real Kafka 4.4 and Druid 33, on a supervisor submitted suspended (no
// task starts): the offsets at a time come from Kafka's own time index, per partition; moving
// offsets of a partition the topic does not have is refused before Druid is asked; a reset whose
// confirmation is not the id is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '@/testing/real-stack';
import { appJson, createTopicWith, deleteTopics } from '@/testing/app';
import { kafkaSupervisorSpec } from '@/devstack/demo-supervisor';
import type { ResetPreview } from '@/lib/operate/reset-preview';

const stack = testStack();
const id = `reset-time-${Date.now().toString(36)}`;
/** Partition 0 holds messages 0..7 and partition 1 messages 0..3, one second apart from an hour ago. */
const T0 = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
const at = (i: number) => new Date(T0 + i * 1000).toISOString();
const messages = (partition: number, count: number) => Array.from({ length: count }, (_, i) => ({ partition, timestamp: String(T0 + i * 1000), value: JSON.stringify({ time: at(i), url: `/p/${i}` }) }));

describe('reset to a time on real Kafka and Druid', () => {
  beforeAll(async () => {
    await createTopicWith(id, 2, [...messages(0, 8), ...messages(1, 4)]);
    const spec = kafkaSupervisorSpec({ topic: id, bootstrapServers: stack.kafka.bootstrapServers, timestampSpec: { column: 'time', format: 'iso' }, dimensions: ['url'] });
    const submitted = await appJson('/api/supervisors?suspended=true', { body: spec });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  });

  afterAll(async () => {
    await appJson(`/api/supervisors/${id}/terminate`, { body: {} });
    await deleteTopics(id);
  });

  it('finds each partition’s first message at or after the time, and the end where none is that recent', async () => {
    const preview = await appJson<ResetPreview>(`/api/supervisors/${id}/reset-offsets/preview`, { body: { time: at(5) } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.partitions.map((p) => [p.partition, p.targetOffset, p.targetTime, p.latestOffset])).toEqual([
      [0, '5', at(5), '8'],
      [1, '4', null, '4'],
    ]);
    expect(preview.body.totals.messages).toBe('12');
    const earliest = await appJson<ResetPreview>(`/api/supervisors/${id}/reset-offsets/preview`, { body: { time: 'earliest' } });
    expect(earliest.body.partitions.map((p) => [p.targetOffset, p.targetTime])).toEqual([
      ['0', at(0)],
      ['0', at(0)],
    ]);
  });

  it('refuses a malformed time, a partition the topic does not have, and a confirmation that is not the id', async () => {
    const badTime = await appJson<{ error: { message: string } }>(`/api/supervisors/${id}/reset-offsets/preview`, { body: { time: '2024-13-01' } });
    expect([badTime.status, badTime.body.error.message]).toEqual([400, `Invalid request body.time: '2024-13-01' is not an ISO-8601 instant, e.g. 2026-12-07T10:00:00Z (or "earliest" or "latest")`]);
    const badPartition = await appJson<{ error: { message: string } }>(`/api/supervisors/${id}/resetOffsets`, { body: { partitions: { '0': '1', '5': '1' } } });
    expect([badPartition.status, badPartition.body.error.message]).toEqual([400, `Topic "${id}" has 2 partitions (0 to 1) according to Kafka; it has no partition 5. Nothing was sent to Druid.`]);
    const badConfirm = await appJson<{ error: { code: string } }>(`/api/supervisors/${id}/reset-offsets`, { body: { time: 'earliest', confirm: 'someone-else' } });
    expect([badConfirm.status, badConfirm.body.error.code]).toEqual([400, 'confirmation_mismatch']);
  });
});
