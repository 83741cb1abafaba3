import { describe, expect, it } from 'vitest';
import { schemaText } from './schema-text';

describe('a schema in a few words', () => {
  it('names the type with its bounds, pattern and default', () => {
    expect(schemaText({ type: 'integer', minimum: 1, maximum: 500 })).toBe('integer, 1 to 500');
    expect(schemaText({ type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 })).toBe('integer, more than 0');
    expect(schemaText({ type: 'string', minLength: 1, pattern: '^[A-Za-z0-9._-]+$' })).toBe('string, at least 1 character, matching ^[A-Za-z0-9._-]+$');
    expect(schemaText({ type: 'integer', default: 500, maximum: 10000 })).toBe('integer, at most 10000, default 500');
  });

  it('lists the values of an enum, and the alternatives of a union', () => {
    expect(schemaText({ type: 'string', enum: ['json', 'jsonl'] })).toBe('one of json, jsonl');
    expect(schemaText({ anyOf: [{ type: 'string', const: 'earliest' }, { type: 'object' }] })).toBe('"earliest" or object');
  });

  it('says "any value" where the schema says nothing', () => {
    expect(schemaText({})).toBe('any value');
    expect(schemaText(undefined)).toBe('any value');
  });
});
