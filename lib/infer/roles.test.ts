import { describe, expect, it } from 'vitest';
import { chooseRole } from './roles';
import { profileValues } from './types';

const many = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));
const role = (name: string, type: 'long' | 'double' | 'string', values: unknown[], hint = {}) =>
  chooseRole(name, type, profileValues(values), hint);

describe('chooseRole', () => {
  it('makes amounts, durations and counts summed metrics', () => {
    expect(role('latencyMs', 'long', many(30, (i) => i * 7)).aggregator).toEqual({ type: 'longSum', name: 'sum_latencyMs', fieldName: 'latencyMs' });
    expect(role('bytes_sent', 'long', many(30, (i) => i)).aggregator?.type).toBe('longSum');
    expect(role('amount', 'double', many(30, (i) => i + 0.5)).aggregator?.type).toBe('doubleSum');
    expect(role('click', 'long', many(30, (i) => i % 2)).role).toBe('metric');
  });

  it('makes gauges and prices max metrics', () => {
    const choice = role('cpu_pct', 'double', many(30, (i) => i / 3));
    expect(choice.aggregator?.type).toBe('doubleMax');
    expect(choice.why).toMatch(/gauge/);
  });

  it('keeps identifiers, status codes and small-int Connect fields as dimensions', () => {
    expect(role('user_id', 'long', many(30, (i) => i)).role).toBe('dimension');
    expect(role('status', 'long', many(30, (i) => [200, 404][i % 2])).role).toBe('dimension');
    expect(role('c1_int16', 'long', many(30, (i) => i - 15), { connectType: 'int16' }).role).toBe('dimension');
    expect(role('c2_int32', 'long', many(30, (i) => i * 991), { connectType: 'int32' }).role).toBe('metric');
  });

  it('flags high-cardinality dimensions and offers a sketch', () => {
    const choice = role('session', 'string', many(200, (i) => `s${i}`));
    expect(choice).toMatchObject({ role: 'dimension', highCardinality: true, sketch: { type: 'HLLSketchBuild', fieldName: 'session' } });
    expect(choice.why).toMatch(/rollup merges little/);
    expect(role('city', 'string', many(200, (i) => `c${i % 5}`)).highCardinality).toBeUndefined();
  });
});
