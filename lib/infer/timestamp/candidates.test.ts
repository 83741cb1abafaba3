import { describe, expect, it } from 'vitest';
import { KAFKA_TIMESTAMP_COLUMN, rankTimestampCandidates } from './candidates';

const NOW = Date.UTC(2026, 10, 21, 6, 0, 0);
const kafkaTimes = Array.from({ length: 50 }, (_, i) => NOW - (50 - i) * 60_000);
const col = (name: string, values: unknown[]) => ({ name, path: `$.${name}`, values });

describe('rankTimestampCandidates', () => {
  it('prefers the event time over a constant build date and a registration date years back', () => {
    const ranked = rankTimestampCandidates(
      [
        col('build_date', kafkaTimes.map(() => '2021-06-01 00:00:00')),
        col('registered_at', kafkaTimes.map((_, i) => new Date(Date.UTC(2015, i % 12, 1 + (i % 27))).toISOString())),
        col('event_time', kafkaTimes.map((t) => new Date(t - 1500).toISOString())),
      ],
      kafkaTimes,
      NOW,
    );
    expect(ranked[0]).toMatchObject({ column: 'event_time', format: 'iso' });
    expect(ranked[0].why).toContain('from the Kafka record time');
    expect(ranked.find((c) => c.column === 'build_date')?.why).toContain('the same value in every message');
  });

  it('prefers updated_at, which tracks the Kafka time, over created_at', () => {
    const ranked = rankTimestampCandidates(
      [
        col('created_at', kafkaTimes.map((t, i) => t - (40 + (i * 7) % 13) * 86_400_000)),
        col('updated_at', kafkaTimes.map((t) => t - 200)),
      ],
      kafkaTimes,
      NOW,
    );
    expect(ranked[0]).toMatchObject({ column: 'updated_at', format: 'millis' });
  });

  it('does not take an identifier in the epoch range for a time', () => {
    const ids = kafkaTimes.map((_, i) => 1_700_000_000 + ((i * 7919) % 50_000));
    const ranked = rankTimestampCandidates([col('order_id', ids)], undefined, NOW);
    expect(ranked[0].column).toBe(KAFKA_TIMESTAMP_COLUMN);
  });

  it('answers the Kafka record time when no field reads as time', () => {
    const ranked = rankTimestampCandidates([col('amount', kafkaTimes.map((_, i) => 10 + i)), col('name', kafkaTimes.map(() => 'x'))], kafkaTimes, NOW);
    expect(ranked[0].column).toBe(KAFKA_TIMESTAMP_COLUMN);
  });

  it('picks epoch seconds over millis by plausibility, and marks fractional seconds', () => {
    const seconds = rankTimestampCandidates([col('ts', kafkaTimes.map((t) => Math.floor(t / 1000)))], kafkaTimes, NOW);
    expect(seconds[0]).toMatchObject({ column: 'ts', format: 'posix' });
    const fractional = rankTimestampCandidates([col('ts', kafkaTimes.map((t) => t / 1000 + 0.25))], kafkaTimes, NOW);
    expect(fractional[0]).toMatchObject({ column: 'ts', format: 'posix', fractionalSeconds: true });
    expect(fractional[0].why).toMatch(/^fractional epoch seconds: 100% parse/);
  });

  it('reads compact yyyyMMddHH rather than epoch seconds that land in the future', () => {
    const values = kafkaTimes.map((_, i) => `20261${String(i % 2).padStart(1, '0')}21${String(i % 24).padStart(2, '0')}`.slice(0, 10));
    const ranked = rankTimestampCandidates([col('hour_key_time', values)], undefined, NOW);
    expect(ranked[0]).toMatchObject({ column: 'hour_key_time', format: 'yyyyMMddHH' });
  });
});
