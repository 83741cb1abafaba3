import { describe, expect, it } from 'vitest';
import { JsonDouble, javaDoubleString, mayHoldDoubles, parseJson, parseJsonMarkingDoubles, stringifyJson } from './json';

describe('parseJson', () => {
  it('keeps integers beyond 2^53 exact and parses everything else as JSON.parse does', () => {
    const text = '{"id": 1234567890123456789, "small": 42, "price": 1.5e3, "nested": {"list": [9007199254740993, "x", true, null]}, "s": "a\\"b\\u00e9"}';
    expect(parseJson(text)).toEqual({ id: 1234567890123456789n, small: 42, price: 1500, nested: { list: [9007199254740993n, 'x', true, null] }, s: 'a"bé' });
    expect(stringifyJson(parseJson(text))).toBe('{"id":1234567890123456789,"small":42,"price":1500,"nested":{"list":[9007199254740993,"x",true,null]},"s":"a\\"bé"}');
  });

  it('reports malformed text like JSON.parse', () => {
    expect(() => parseJson('{"id": 12345678901234567890,')).toThrow(SyntaxError);
    expect(() => parseJson('{"id": 1} x')).toThrow('Unexpected non-whitespace character after JSON');
  });
});

describe('numbers written as doubles', () => {
  it('prints them as Java does, which is how Druid 33 writes them into string dimensions', () => {
    // What Druid 33's sampler answered for {"s":2.0,"t":1e3,"u":12345678.9,"v":0.0001,"w":-0.0,"x":1.5e300} as string dimensions.
    expect([2, 1e3, 12345678.9, 0.0001, -0, 1.5e300].map(javaDoubleString)).toEqual(['2.0', '1000.0', '1.23456789E7', '1.0E-4', '-0.0', '1.5E300']);
    expect([0.001, 9999999.5, 1e7, 0.5, -3.25, 1e-7].map(javaDoubleString)).toEqual(['0.001', '9999999.5', '1.0E7', '0.5', '-3.25', '1.0E-7']);
  });

  it('marks numbers with a fraction or an exponent, and keeps integers as numbers', () => {
    const parsed = parseJsonMarkingDoubles('{"a": 2.0, "b": 2, "c": [1e3, 4], "d": 12345678901234567890}') as Record<string, unknown>;
    expect(parsed.a).toBeInstanceOf(JsonDouble);
    expect(String(parsed.a)).toBe('2.0');
    expect(parsed.b).toBe(2);
    expect((parsed.c as unknown[]).map(String)).toEqual(['1000.0', '4']);
    expect(parsed.d).toBe(12345678901234567890n);
    expect(mayHoldDoubles('{"a": 2}')).toBe(false);
    expect(mayHoldDoubles('{"a": 2.0}')).toBe(true);
  });
});
