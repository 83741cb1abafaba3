import { describe, expect, it } from 'vitest';
import { missingPartitions, offsetsToSend, parseResetTime, resetPreview, resetSeen, ResetPreviewBodySchema, ResetToTimeBodySchema, type PartitionPosition } from './reset-preview';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const at = (partition: number, fields: Partial<PartitionPosition>): PartitionPosition => ({ partition, earliest: 0n, latest: 1000n, current: 1000n, target: 1000n, targetTimestamp: null, ...fields });

describe('the time a reset goes back or forward to', () => {
  it('takes an ISO-8601 instant with its zone, earliest or latest', () => {
    expect(parseResetTime('2026-12-07T10:00:00Z')).toEqual({ kind: 'instant', timestamp: Date.parse('2026-12-07T10:00:00Z') });
    expect(parseResetTime('2026-12-07T11:00:00.250+01:00')).toEqual({ kind: 'instant', timestamp: Date.parse('2026-12-07T10:00:00.250Z') });
    expect(parseResetTime('earliest')).toEqual({ kind: 'earliest' });
    expect(parseResetTime(' latest ')).toEqual({ kind: 'latest' });
  });

  it('refuses what is not one instant, saying what was typed and giving an example', () => {
    expect(parseResetTime('2024-13-01')).toEqual({ problem: `'2024-13-01' is not an ISO-8601 instant, e.g. 2026-12-07T10:00:00Z (or "earliest" or "latest")` });
    // No zone: a different instant in every time zone.
    expect(parseResetTime('2026-12-07T10:00:00')).toHaveProperty('problem');
    expect(parseResetTime('2026-02-30T10:00:00Z')).toHaveProperty('problem');
    expect(parseResetTime('yesterday')).toHaveProperty('problem');
  });

  it('says where in the body the time is wrong, and that the reset needs the id typed', () => {
    const bad = ResetPreviewBodySchema.safeParse({ time: '2024-13-01' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['time'], message: expect.stringContaining("'2024-13-01' is not an ISO-8601 instant") });
    expect(ResetToTimeBodySchema.safeParse({ time: 'earliest' }).error?.issues[0]).toMatchObject({ path: ['confirm'] });
  });
});

describe('the preview of a reset to a time', () => {
  it('counts per partition what moving back re-reads and moving ahead skips, exactly beyond 2^53', () => {
    const big = 2n ** 60n;
    const preview = resetPreview({
      supervisorId: 'clicks',
      topic: 'clicks',
      time: '2026-12-07T10:00:00Z',
      resolved: { kind: 'instant', timestamp: Date.parse('2026-12-07T10:00:00Z') },
      now: NOW,
      partitions: [
        at(1, { earliest: big, latest: big + 500n, current: big + 100n, target: big + 300n, targetTimestamp: Date.parse('2026-12-07T10:00:01Z') }),
        at(0, { current: 900n, target: 400n, targetTimestamp: Date.parse('2026-12-07T10:00:00Z') }),
      ],
    });
    expect(preview.partitions.map((p) => [p.partition, p.currentOffset, p.targetOffset, p.skipped, p.replayed, p.targetTime])).toEqual([
      [0, '900', '400', '0', '500', '2026-12-07T10:00:00.000Z'],
      [1, String(big + 100n), String(big + 300n), '200', '0', '2026-12-07T10:00:01.000Z'],
    ]);
    expect(preview.totals).toEqual({ skipped: '200', replayed: '500', messages: '1500' });
    expect(preview.at).toBe('2026-12-07T10:00:00.000Z');
    expect(preview.notes).toEqual([]);
  });

  it('says a future time moves every partition to its end, and names partitions with nothing that recent', () => {
    const base = { supervisorId: 's', topic: 't', now: NOW, partitions: [at(0, { current: 10n, target: 1000n }), at(1, { current: 10n, target: 20n })] };
    const future = resetPreview({ ...base, time: '2027-01-01T00:00:00Z', resolved: { kind: 'instant', timestamp: Date.parse('2027-01-01T00:00:00Z') } });
    expect(future.notes).toEqual(['2027-01-01T00:00:00.000Z is in the future: no message is that recent, so every partition moves to its end offset.']);
    const past = resetPreview({ ...base, time: '2026-12-07T11:00:00Z', resolved: { kind: 'instant', timestamp: NOW - 3_600_000 } });
    expect(past.notes).toEqual(['Partition 0 has no message at or after 2026-12-07T11:00:00.000Z: it moves to the end offset.']);
  });

  it('says when Druid has no offset to count from, or one Kafka no longer keeps', () => {
    const preview = resetPreview({
      supervisorId: 's',
      topic: 't',
      time: 'earliest',
      resolved: { kind: 'earliest' },
      now: NOW,
      partitions: [at(0, { earliest: 50n, current: 10n, target: 50n }), at(1, { current: null, target: 0n })],
    });
    expect(preview.partitions.map((p) => [p.skipped, p.replayed])).toEqual([
      ['40', '0'],
      [null, null],
    ]);
    expect(preview.notes).toEqual([
      "Partition 0: Druid's offset 10 is older than the earliest offset Kafka still keeps, 50; the 40 messages between are gone from Kafka whatever is chosen.",
      'Druid has no offset for partition 1 yet, so what moving it skips or re-reads cannot be counted.',
    ]);
  });

  it('sends only the partitions that move', () => {
    expect(offsetsToSend({ partitions: [{ partition: 0, currentOffset: '5', targetOffset: '5' }, { partition: 1, currentOffset: '9', targetOffset: '3' }] as never })).toEqual({ '1': '3' });
  });
});

describe('reading a reset back', () => {
  it('sees a partition moved back once Druid reads below where it was, even after reading on', () => {
    const before = new Map([[0, 900n]]);
    expect(resetSeen({ '0': '400' }, before, new Map([[0, 400n]]))).toBe(true);
    expect(resetSeen({ '0': '400' }, before, new Map([[0, 650n]]))).toBe(true);
    expect(resetSeen({ '0': '400' }, before, new Map([[0, 900n]]))).toBe(false);
    expect(resetSeen({ '0': '400' }, before, new Map())).toBe(false);
  });

  it('sees a partition moved ahead once Druid reads at or past the target', () => {
    expect(resetSeen({ '0': '800' }, new Map([[0, 100n]]), new Map([[0, 800n]]))).toBe(true);
    expect(resetSeen({ '0': '800' }, new Map([[0, 100n]]), new Map([[0, 100n]]))).toBe(false);
  });
});

describe('partitions a topic does not have', () => {
  it('are named, in order', () => {
    expect(missingPartitions(['0', '7', '3', '2'], 3)).toEqual(['3', '7']);
    expect(missingPartitions(['0', '2'], 3)).toEqual([]);
  });
});
