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

  describe('back-filled history, written to Kafka days after it happened', () => {
    // A replay: 50 events from 9 to 12 days ago, produced to Kafka within the last minute in no order.
    let seed = 7;
    const shuffled = kafkaTimes.map((_, i) => i);
    for (let i = shuffled.length - 1; i > 0; i--) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const j = seed % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const replayed = shuffled.map((k) => NOW - 60_000 + k * 1000);
    const events = kafkaTimes.map((_, i) => NOW - 12 * 86_400_000 + i * 90 * 60_000);

    it('takes a field that is an ISO time in every message over the Kafka record time', () => {
      const ranked = rankTimestampCandidates([col('time', events.map((t) => new Date(t).toISOString())), col('user', events.map(() => 'u'))], replayed, NOW);
      expect(ranked[0]).toMatchObject({ column: 'time', format: 'iso' });
      expect(ranked[0].why).toContain('a time in every message, so the event time rather than the Kafka record time');
      expect(ranked[1].column).toBe(KAFKA_TIMESTAMP_COLUMN);
    });

    it('takes a field that is epoch millis in every message, months before the Kafka times', () => {
      const ranked = rankTimestampCandidates([col('event_ms', events.map((t) => t - 120 * 86_400_000)), col('amount', events.map((_, i) => i * 3))], replayed, NOW);
      expect(ranked[0]).toMatchObject({ column: 'event_ms', format: 'millis' });
    });

    it('leaves the Kafka record time first when the field is missing from some messages', () => {
      const ranked = rankTimestampCandidates([col('time', events.map((t, i) => (i % 10 === 0 ? null : new Date(t).toISOString())))], replayed, NOW);
      expect(ranked[0].column).toBe(KAFKA_TIMESTAMP_COLUMN);
    });

    it('leaves the Kafka record time first over a birth date and a constant in every message', () => {
      const ranked = rankTimestampCandidates(
        [col('birth_date', events.map((_, i) => `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`)), col('release', events.map(() => '2025-01-01T00:00:00Z'))],
        replayed,
        NOW,
      );
      expect(ranked[0].column).toBe(KAFKA_TIMESTAMP_COLUMN);
    });
  });
});
