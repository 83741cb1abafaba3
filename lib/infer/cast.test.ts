import { describe, expect, it } from 'vitest';
import { castValue, toJsonSafe } from './cast';

describe('castValue', () => {
  it('stores values as Druid columns of each type would', () => {
    expect(castValue('42', 'long')).toBe(42);
    expect(castValue('9007199254740993', 'long')).toBe(9007199254740993n);
    expect(castValue('abc', 'long')).toBeNull();
    expect(castValue(2.9, 'long')).toBe(2);
    expect(castValue('2.5', 'double')).toBe(2.5);
    expect(castValue(true, 'string')).toBe('true');
    expect(castValue(['1', 2], 'array<long>')).toEqual([1, 2]);
    expect(castValue({ a: 1n }, 'string')).toBe('{"a":"1"}');
  });

  it('makes values JSON-safe and cuts off pathological depth', () => {
    expect(toJsonSafe({ n: 12345678901234567890n })).toEqual({ n: '12345678901234567890' });
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(JSON.stringify(toJsonSafe(deep))).toContain('nested deeper than 64 levels');
  });
});
