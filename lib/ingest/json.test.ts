import { describe, expect, it } from 'vitest';
import { parseJson, stringifyJson } from './json';

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
