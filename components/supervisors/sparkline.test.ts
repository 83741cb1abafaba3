import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline';
import { appendThroughput } from './throughput-history';

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

describe('appendThroughput', () => {
  it('keeps the newest samples and ignores a repeated answer', () => {
    let history = appendThroughput([], { t: 1, processedPerSecond: 1, errorsPerSecond: 0 }, 2);
    history = appendThroughput(history, { t: 1, processedPerSecond: 9, errorsPerSecond: 9 }, 2);
    history = appendThroughput(history, { t: 2, processedPerSecond: 2, errorsPerSecond: 0 }, 2);
    history = appendThroughput(history, { t: 3, processedPerSecond: 3, errorsPerSecond: 1 }, 2);
    expect(history.map((p) => p.processedPerSecond)).toEqual([2, 3]);
  });
});
