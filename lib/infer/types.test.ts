import { describe, expect, it } from 'vitest';
import { chooseType, profileValues } from './types';

const typeOf = (name: string, values: unknown[]) => chooseType(name, profileValues(values)).type;

describe('chooseType', () => {
  it('turns numeric strings that are quantities into numbers', () => {
    expect(typeOf('click', ['0', '1', '0'])).toBe('long');
    expect(typeOf('price', ['1.50', '2', '3.25'])).toBe('double');
  });

  it('keeps codes with leading zeros and identifier-named digits as strings', () => {
    expect(typeOf('zip', ['02134', '10001'])).toBe('string');
    expect(typeOf('branch', ['007', '120'])).toBe('string');
    expect(typeOf('user_id', ['12', '13'])).toBe('string');
  });

  it('keeps integers beyond 2^53 as exact longs', () => {
    expect(typeOf('bytes', [9007199254740993n, 5])).toBe('long');
  });

  it('stores booleans as strings, as Druid does', () => {
    const choice = chooseType('active', profileValues([true, false, null]));
    expect(choice).toEqual({ type: 'string', why: 'booleans: Druid stores them as "true"/"false" strings' });
  });

  it('keeps arrays of scalars as arrays and arrays of objects as json', () => {
    expect(typeOf('tags', [['a', 'b'], ['c']])).toBe('array<string>');
    expect(typeOf('sizes', [[1, 2], [3]])).toBe('array<long>');
    expect(typeOf('scores', [[1.5, 2], [3]])).toBe('array<double>');
    expect(typeOf('items', [[{ sku: 'a' }], []])).toBe('json');
    expect(typeOf('attrs', [{ a: 1 }])).toBe('json');
  });

  it('is not swayed by a few stray values', () => {
    const numbers = Array.from({ length: 40 }, (_, i) => i);
    expect(typeOf('bytes', [...numbers, { n: 1 }])).toBe('long');
    expect(chooseType('bytes', profileValues([...numbers, 'N/A'])).why).toBe('integers; 1 non-numeric value(s) would be stored as null');
  });

  it('reads mixed text as string and an empty column as string', () => {
    expect(typeOf('level', ['1', 'high'])).toBe('string');
    expect(typeOf('nothing', [null, undefined])).toBe('string');
  });
});
