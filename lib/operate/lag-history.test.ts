import { describe, expect, it } from 'vitest';
import { appendLagPoint, lagTrend, recentLag, type LagPoint } from './lag-history';

const points = (...lags: [number, string][]): LagPoint[] => lags.map(([t, lag]) => ({ t, lag }));

describe('appendLagPoint', () => {
  it('keeps at most `capacity` samples, dropping the oldest', () => {
    let history: LagPoint[] = [];
    for (let i = 0; i < 10; i++) history = appendLagPoint(history, { t: i * 5_000, lag: String(i) }, 4);
    expect(history.map((p) => p.lag)).toEqual(['6', '7', '8', '9']);
  });

  it('replaces a sample taken moments after the previous one instead of crowding the chart', () => {
    const history = appendLagPoint(points([0, '10'], [5_000, '12']), { t: 5_500, lag: '13' });
    expect(history).toEqual(points([0, '10'], [5_500, '13']));
  });

  it('ignores a sample older than the newest (a slow answer arriving late)', () => {
    expect(appendLagPoint(points([10_000, '5']), { t: 9_000, lag: '99' })).toEqual(points([10_000, '5']));
  });
});

describe('lagTrend', () => {
  it('says rising when consumers fall behind over the last minute', () => {
    expect(lagTrend(points([0, '100'], [30_000, '150'], [60_000, '400']))).toBe('rising');
  });

  it('says falling when they catch up', () => {
    expect(lagTrend(points([0, '1000'], [60_000, '10']))).toBe('falling');
  });

  it('counts small wobbles as steady', () => {
    expect(lagTrend(points([0, '1000'], [60_000, '1030']))).toBe('steady');
    expect(lagTrend(points([0, '0'], [60_000, '0']))).toBe('steady');
    expect(lagTrend(points([0, '1'], [60_000, '0']))).toBe('steady');
  });

  it('stays exact beyond 2^53', () => {
    expect(lagTrend(points([0, '9007199254740993'], [60_000, '9007199254740993']))).toBe('steady');
    expect(lagTrend(points([0, '1'], [60_000, '90071992547409930']))).toBe('rising');
  });

  it('is unknown with one sample', () => {
    expect(lagTrend(points([0, '5']))).toBe('unknown');
    expect(lagTrend([])).toBe('unknown');
  });
});

describe('recentLag', () => {
  it('keeps the samples of the last window before the newest', () => {
    expect(recentLag(points([0, '1'], [50_000, '2'], [100_000, '3']), 60_000).map((p) => p.lag)).toEqual(['2', '3']);
  });
});
