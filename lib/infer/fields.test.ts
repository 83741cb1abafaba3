import { describe, expect, it } from 'vitest';
import { childPath, collectFields, readPath } from './fields';

const rows = (objects: Record<string, unknown>[]) => objects.map((root) => ({ root }));

describe('collectFields', () => {
  it('flattens small nested objects into parent_child columns with paths', () => {
    const collected = collectFields(rows([{ geo: { city: 'a', zip: '1' } }, { geo: { city: 'b' } }]), '$');
    expect(collected.fields.map((f) => [f.name, f.path])).toEqual([
      ['geo_city', '$.geo.city'],
      ['geo_zip', '$.geo.zip'],
    ]);
    expect(collected.flattened).toEqual(['geo']);
  });

  it('keeps map-like and deep objects as one json column', () => {
    const wide = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
    const collected = collectFields(rows([{ attrs: wide }, { deep: { a: { b: { c: { d: 1 } } } } }]), '$');
    expect(collected.fields.map((f) => f.name)).toEqual(['attrs', 'deep']);
  });

  it('aligns values with rows, undefined where a field is missing', () => {
    const collected = collectFields(rows([{ a: 1 }, { b: 2 }, { a: 3, b: 4 }]), '$');
    expect(collected.fields.find((f) => f.name === 'a')?.values).toEqual([1, undefined, 3]);
  });
});

describe('paths', () => {
  it('quotes keys that are not plain identifiers and reads them back', () => {
    const path = childPath('$', "user's name");
    expect(path).toBe("$['user\\'s name']");
    expect(readPath({ "user's name": 'x' }, path)).toBe('x');
    expect(readPath({ a: [{ b: 2 }] }, '$.a[0].b')).toBe(2);
    expect(readPath({ a: 1 }, '$.missing.deeper')).toBeUndefined();
  });

  it('never reads inherited properties', () => {
    expect(readPath({}, '$.constructor')).toBeUndefined();
  });
});
