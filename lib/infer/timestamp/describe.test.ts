import { describe, expect, it } from 'vitest';
import { describeDuration, describeFormat, percent } from './describe';

describe('describe', () => {
  it('words durations in the unit a person would use', () => {
    expect(describeDuration(250)).toBe('250 ms');
    expect(describeDuration(90_000)).toBe('90 s');
    expect(describeDuration(45 * 60_000)).toBe('45 min');
    expect(describeDuration(30 * 3_600_000)).toBe('30 h');
    expect(describeDuration(40 * 86_400_000)).toBe('40 days');
    expect(describeDuration(3 * 365.25 * 86_400_000)).toBe('3 years');
  });

  it('names formats and shares', () => {
    expect(describeFormat('posix')).toBe('epoch seconds');
    expect(describeFormat('posix', true)).toBe('fractional epoch seconds');
    expect(describeFormat('dd/MMM/yyyy:HH:mm:ss Z')).toBe('pattern dd/MMM/yyyy:HH:mm:ss Z');
    expect(percent(0.987)).toBe('99%');
  });
});
