import { describe, expect, it } from 'vitest';
import { bucketEnd, granularityBucket, periodToMs, truncateToGranularity } from './granularity';

const at = (iso: string) => Date.parse(iso);
const t = at('2024-05-15T13:47:31.250Z');

describe('truncateToGranularity', () => {
  it('truncates to Druid simple granularities in UTC', () => {
    expect(truncateToGranularity(t, 'none')).toBe(t);
    expect(truncateToGranularity(t, 'second')).toBe(at('2024-05-15T13:47:31Z'));
    expect(truncateToGranularity(t, 'minute')).toBe(at('2024-05-15T13:47:00Z'));
    expect(truncateToGranularity(t, 'fifteen_minute')).toBe(at('2024-05-15T13:45:00Z'));
    expect(truncateToGranularity(t, 'HOUR')).toBe(at('2024-05-15T13:00:00Z'));
    expect(truncateToGranularity(t, 'six_hour')).toBe(at('2024-05-15T12:00:00Z'));
    expect(truncateToGranularity(t, 'day')).toBe(at('2024-05-15T00:00:00Z'));
    expect(truncateToGranularity(t, 'week')).toBe(at('2024-05-13T00:00:00Z'));
    expect(truncateToGranularity(t, 'month')).toBe(at('2024-05-01T00:00:00Z'));
    expect(truncateToGranularity(t, 'quarter')).toBe(at('2024-04-01T00:00:00Z'));
    expect(truncateToGranularity(t, 'year')).toBe(at('2024-01-01T00:00:00Z'));
  });

  it('reads period and duration objects', () => {
    expect(truncateToGranularity(t, { type: 'period', period: 'PT10M' })).toBe(at('2024-05-15T13:40:00Z'));
    expect(truncateToGranularity(t, { type: 'period', period: 'P1D', timeZone: 'UTC' })).toBe(at('2024-05-15T00:00:00Z'));
    expect(truncateToGranularity(t, { type: 'duration', duration: 3_600_000 })).toBe(at('2024-05-15T13:00:00Z'));
    expect(truncateToGranularity(t, { type: 'none' })).toBe(t);
  });

  it('gives segment interval ends', () => {
    expect(bucketEnd(at('2024-05-15T13:00:00Z'), 'hour')).toBe(at('2024-05-15T14:00:00Z'));
    expect(bucketEnd(at('2024-12-01T00:00:00Z'), 'month')).toBe(at('2025-01-01T00:00:00Z'));
  });

  it('names granularities and periods it cannot use', () => {
    expect(() => granularityBucket('fortnight')).toThrow('"fortnight" is not a Druid granularity');
    expect(() => granularityBucket({ type: 'period', period: 'P1D', timeZone: 'Asia/Shanghai' })).toThrow('UTC only');
    expect(() => periodToMs('1 hour')).toThrow('not an ISO-8601 period');
    expect(periodToMs('PT3600S')).toBe(3_600_000);
    expect(periodToMs('PT1H')).toBe(3_600_000);
  });
});
