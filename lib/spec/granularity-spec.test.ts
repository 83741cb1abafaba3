import { describe, expect, it } from 'vitest';
import { granularitySpecSchema, granularityToMs, normalizeGranularity } from './granularity-spec';

describe('granularities', () => {
  it('reads every spelling of the same granularity as one', () => {
    for (const g of ['HOUR', 'hour', { type: 'hour' }, { type: 'HOUR' }]) expect(normalizeGranularity(g)).toBe('hour');
    expect(normalizeGranularity({ type: 'period', period: 'PT1H', timeZone: 'America/New_York' })).toBe('period:PT1H(tz=America/New_York)');
  });

  it('orders granularities from fine to coarse, periods included', () => {
    const order = ['none', 'second', 'minute', { type: 'period', period: 'PT15M' }, 'hour', 'day', { type: 'duration', duration: 172800000 }, 'week', 'month', 'year', 'all'];
    const ms = order.map((g) => granularityToMs(g)!);
    expect([...ms].sort((a, b) => a - b)).toEqual(ms);
  });

  it('rejects granularities Druid does not know, saying which it does', () => {
    const result = granularitySpecSchema.safeParse({ segmentGranularity: 'fortnight' });
    expect(result.success).toBe(false);
    const bad = granularitySpecSchema.safeParse({ queryGranularity: { type: 'period', period: 'one hour' } });
    expect(bad.error?.issues.some((i) => i.path.join('.').endsWith('period'))).toBe(true);
    expect(granularitySpecSchema.safeParse({ segmentGranularity: { type: 'period', period: 'PT6H', timeZone: 'Asia/Shanghai' } }).success).toBe(true);
  });
});
