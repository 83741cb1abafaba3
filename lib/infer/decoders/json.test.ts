import { describe, expect, it } from 'vitest';
import { parseJson, parseJsonObject } from './json';

describe('parseJson', () => {
  it('keeps integers beyond 2^53 exact', () => {
    const result = parseJson('{"id": 9007199254740993, "small": 5, "price": 1.25}');
    expect(result).toEqual({ ok: true, value: { id: 9007199254740993n, small: 5, price: 1.25 } });
  });

  it('keeps integers wider than 64 bits as their text', () => {
    const result = parseJson('{"n": 123456789012345678901234567890}');
    expect(result).toEqual({ ok: true, value: { n: '123456789012345678901234567890' } });
  });

  it('keeps floats that are merely large as numbers', () => {
    expect(parseJson('{"x": 1e300, "y": 12345678901234567.5}')).toEqual({ ok: true, value: { x: 1e300, y: 12345678901234568 } });
  });

  it('does not treat a long digit run inside a string as a number', () => {
    const result = parseJson('{"card": "12345678901234567890"}');
    expect(result).toEqual({ ok: true, value: { card: '12345678901234567890' } });
  });

  it('reports truncated JSON with a reason', () => {
    const result = parseJson('{"a": 1, "b": ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^invalid JSON/);
  });

  it('rejects NaN, which is not JSON', () => {
    expect(parseJson('{"a": NaN}').ok).toBe(false);
  });

  it('keeps a __proto__ key as data, never as the prototype', () => {
    const result = parseJsonObject('{"__proto__": {"polluted": true}, "a": 1}');
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says what the value is when it is not an object', () => {
    expect(parseJsonObject('[1,2]')).toEqual({ ok: false, reason: 'the value is an array, not a JSON object' });
    expect(parseJsonObject('42')).toEqual({ ok: false, reason: 'the value is a number, not a JSON object' });
  });
});
