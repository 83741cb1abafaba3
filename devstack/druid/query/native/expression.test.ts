import { describe, expect, it } from 'vitest';
import { evaluateExpression, parseExpression } from './expression';
import { compilePostAggregators } from './post-aggregators';

describe('expression post-aggregators', () => {
  const row = { clicks: 3, pv: 4, lat: 2.5, none: null };
  const evaluate = (text: string) => evaluateExpression(parseExpression(text), row);

  it('does arithmetic with precedence, parentheses and quoted names', () => {
    expect(evaluate('clicks + pv * 2')).toBe(11);
    expect(evaluate('(clicks + pv) * -2')).toBe(-14);
    expect(evaluate('"lat" * 2 ^ 2')).toBe(10);
  });

  it('divides longs as longs and doubles as doubles', () => {
    expect(evaluate('clicks / pv')).toBe(0);
    expect(evaluate('clicks * 1.0 / pv')).toBe(0.75);
    expect(evaluate('clicks / 0')).toBeNull();
    expect(evaluate('none + 1')).toBeNull();
  });

  it('rejects functions and stray characters with a position', () => {
    expect(() => parseExpression('log(pv)')).toThrow('Function "log" is not supported');
    expect(() => parseExpression('pv +')).toThrow('Unexpected end of expression');
  });

  it('lets later post-aggregators read earlier ones', () => {
    const posts = compilePostAggregators([
      { type: 'arithmetic', name: 'ctr', fn: '/', fields: [{ type: 'fieldAccess', fieldName: 'clicks' }, { type: 'fieldAccess', fieldName: 'pv' }] },
      { type: 'expression', name: 'pct', expression: 'ctr * 100' },
      { type: 'longGreatest', name: 'max', fields: [{ type: 'fieldAccess', fieldName: 'clicks' }, { type: 'constant', value: 7 }] },
    ], ['clicks', 'pv']);
    const out: Record<string, unknown> = { clicks: 3, pv: 4 };
    for (const p of posts) out[p.name] = p.compute(out as never);
    expect(out).toEqual({ clicks: 3, pv: 4, ctr: 0.75, pct: 75, max: 7 });
  });
});
