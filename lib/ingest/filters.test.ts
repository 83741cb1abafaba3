import { describe, expect, it } from 'vitest';
import { FilterError, compileFilter } from './filters';

const row = { country: 'NO', city: 'Oslo', latency: '250', tags: ['a', 'b'], empty: null };
const matches = (filter: Record<string, unknown>) => compileFilter(filter as never)(row);

describe('compileFilter', () => {
  it('evaluates value filters', () => {
    expect(matches({ type: 'selector', dimension: 'country', value: 'NO' })).toBe(true);
    expect(matches({ type: 'selector', dimension: 'empty', value: null })).toBe(true);
    expect(matches({ type: 'in', dimension: 'city', values: ['Oslo', 'Bergen'] })).toBe(true);
    expect(matches({ type: 'equals', column: 'latency', matchValueType: 'LONG', matchValue: 250 })).toBe(true);
    expect(matches({ type: 'null', column: 'missing' })).toBe(true);
    expect(matches({ type: 'like', dimension: 'city', pattern: 'Os%' })).toBe(true);
    expect(matches({ type: 'like', dimension: 'city', pattern: 'O_lo' })).toBe(true);
    expect(matches({ type: 'regex', dimension: 'city', pattern: '^B' })).toBe(false);
    expect(matches({ type: 'selector', dimension: 'tags', value: 'b' })).toBe(true);
  });

  it('compares bounds and ranges lexicographically or numerically', () => {
    expect(matches({ type: 'bound', dimension: 'latency', lower: '30', ordering: 'numeric' })).toBe(true);
    expect(matches({ type: 'bound', dimension: 'latency', lower: '30' })).toBe(false);
    expect(matches({ type: 'bound', dimension: 'latency', upper: '250', upperStrict: true, ordering: 'numeric' })).toBe(false);
    expect(matches({ type: 'range', column: 'latency', matchValueType: 'LONG', lower: 100, upper: 300 })).toBe(true);
    expect(matches({ type: 'range', column: 'latency', matchValueType: 'LONG', lower: 250, lowerOpen: true })).toBe(false);
  });

  it('combines filters with and, or, not', () => {
    const sel = (dimension: string, value: string) => ({ type: 'selector', dimension, value });
    expect(matches({ type: 'and', fields: [sel('country', 'NO'), sel('city', 'Oslo')] })).toBe(true);
    expect(matches({ type: 'or', fields: [sel('country', 'SE'), sel('city', 'Oslo')] })).toBe(true);
    expect(matches({ type: 'not', field: sel('country', 'NO') })).toBe(false);
  });

  it('names the unsupported part by its path', () => {
    try {
      compileFilter({ type: 'and', fields: [{ type: 'spatial', dimension: 'x' }] }, 'spec.dataSchema.transformSpec.filter');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FilterError);
      expect((error as FilterError).path).toBe('spec.dataSchema.transformSpec.filter.fields[0].type');
      expect((error as FilterError).message).toBe('"spatial" is not supported by the preview');
    }
  });
});
