import { describe, expect, it } from 'vitest';
import { isPeriod, periodToMs } from './period';

describe('periods', () => {
  it('accepts the periods Druid specs use and rejects durations people mistype', () => {
    for (const p of ['PT1H', 'PT3600S', 'P1D', 'P2147483647D', 'PT10M', 'PT0.5S', 'P1Y2M']) expect(isPeriod(p)).toBe(true);
    for (const p of ['1H', 'PT', 'P', 'PT1h', '3600', 'P1DT']) expect(isPeriod(p)).toBe(false);
  });

  it('compares spellings of the same length', () => {
    expect(periodToMs('PT1H')).toBe(periodToMs('PT3600S'));
    expect(periodToMs('PT30M')).toBe(periodToMs('PT1800S'));
    expect(periodToMs('P1D')!).toBeGreaterThan(periodToMs('PT23H')!);
    expect(periodToMs('nonsense')).toBeUndefined();
  });
});
