import { describe, expect, it } from 'vitest';
import { normalizeInteger, toJson } from './json';

describe('toJson', () => {
  it('writes 64-bit integers exactly, beyond what a double can hold', () => {
    const text = toJson({ views: 9223372036854775807n, rows: [1n, -12345678901234567n] });
    expect(text).toBe('{"views":9223372036854775807,"rows":[1,-12345678901234567]}');
  });

  it('writes non-finite doubles as strings, as Druid does', () => {
    expect(toJson([Number.NaN, Number.POSITIVE_INFINITY, 1.5])).toBe('["NaN","Infinity",1.5]');
  });

  it('pretty-prints in the layout of Druid ?pretty answers and stays parseable', () => {
    const text = toJson([{ timestamp: 't', result: { count: 2n } }], 2);
    expect(JSON.parse(text)).toEqual([{ timestamp: 't', result: { count: 2 } }]);
    expect(text).toContain('"count" : 2');
  });

  it('keeps small bigints as numbers and large ones as bigint', () => {
    expect(normalizeInteger(42n)).toBe(42);
    expect(normalizeInteger(2n ** 60n)).toBe(2n ** 60n);
  });
});
