import { describe, expect, it } from 'vitest';
import { RateTracker } from './rate';

describe('RateTracker', () => {
  it('has no rate on first sight, then messages per second between observations', () => {
    let now = 0;
    const rates = new RateTracker(() => now);
    expect(rates.observe('clicks', 1000n)).toBeNull();
    now = 4_000;
    expect(rates.observe('clicks', 1200n)).toBe(50);
  });

  it('keeps the previous rate for observations too close together', () => {
    let now = 0;
    const rates = new RateTracker(() => now);
    rates.observe('clicks', 0n);
    now = 2_000;
    expect(rates.observe('clicks', 100n)).toBe(50);
    now = 2_200;
    expect(rates.observe('clicks', 150n)).toBe(50);
  });

  it('starts over when end offsets go backwards (topic recreated)', () => {
    let now = 0;
    const rates = new RateTracker(() => now);
    rates.observe('clicks', 500n);
    now = 5_000;
    expect(rates.observe('clicks', 10n)).toBeNull();
  });
});
