import { describe, expect, it } from 'vitest';
import { deepEqual, describeValue } from './json-value';

describe('json values', () => {
  it('compares by content, not key order', () => {
    expect(deepEqual({ a: [1, { b: 2 }], c: null }, { c: null, a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
  });

  it('describes values for error messages, cutting long ones', () => {
    expect(describeValue('100000')).toBe('the string "100000"');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue('x'.repeat(100))).toMatch(/\.\.\.$/);
  });
});
