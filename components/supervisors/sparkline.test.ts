import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline';

describe('sparklinePath', () => {
  it('spans the width over time and puts the largest lag at the top', () => {
    expect(sparklinePath([{ t: 0, lag: '0' }, { t: 50, lag: '10' }, { t: 100, lag: '5' }], 100, 12)).toBe('M0.0,11.0L50.0,1.0L100.0,6.0');
  });

  it('draws a lag of a few messages low, not as a surge', () => {
    expect(sparklinePath([{ t: 0, lag: '0' }, { t: 100, lag: '1' }], 100, 12)).toBe('M0.0,11.0L100.0,10.0');
  });

  it('draws a flat line for a single sample and nothing without samples', () => {
    expect(sparklinePath([{ t: 0, lag: '0' }], 100, 12)).toBe('M0,11.0H100');
    expect(sparklinePath([])).toBe('');
  });
});
