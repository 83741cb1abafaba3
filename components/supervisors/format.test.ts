import { describe, expect, it } from 'vitest';
import { formatCompact, formatCount, formatDuration, formatRate, formatTime, shortClassName } from './format';

describe('Operate formats', () => {
  it('groups lag digits without rounding values beyond 2^53', () => {
    expect(formatCount('9007199254740993')).toBe('9,007,199,254,740,993');
    expect(formatCount(null)).toBe('—');
  });

  it('writes rates, durations and times as people read them', () => {
    expect(formatRate(1234.4)).toBe('1,234/s');
    expect(formatRate(2.25)).toBe('2.3/s');
    expect(formatRate(0.05)).toBe('3.0/min');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe('3 h 05 min');
    expect(formatTime('2026-01-02T03:04:05.678Z')).toBe('2026-01-02 03:04:05 UTC');
    expect(formatCompact(12_500)).toBe('13K');
    expect(formatCompact(3_200_000)).toBe('3.2M');
    expect(shortClassName('org.apache.kafka.common.errors.TimeoutException')).toBe('TimeoutException');
  });
});
