import { describe, expect, it } from 'vitest';
import { aggregatorInputs, metricsSpecSchema } from './metrics-spec';

describe('metricsSpec', () => {
  it('knows which input columns an aggregator reads', () => {
    expect(aggregatorInputs({ type: 'count', name: 'count' })).toEqual([]);
    expect(aggregatorInputs({ type: 'longSum', name: 'clicks', fieldName: 'click' })).toEqual(['click']);
    expect(aggregatorInputs({ type: 'cardinality', name: 'users', fieldNames: ['user', 'device'] })).toEqual(['user', 'device']);
  });

  it('keeps extension aggregators whole and rejects nameless ones', () => {
    const sketch = { type: 'HLLSketchBuild', name: 'users', fieldName: 'user', lgK: 12, tgtHllType: 'HLL_4' };
    expect(metricsSpecSchema.parse([sketch])).toEqual([sketch]);
    expect(metricsSpecSchema.safeParse([{ type: 'count' }]).success).toBe(false);
  });
});
