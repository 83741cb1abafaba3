import { describe, expect, it } from 'vitest';
import { parseJsonText } from './json-text';

describe('parseJsonText', () => {
  it('reads plain JSON without notes', () => {
    expect(parseJsonText('{"a": [1, 2]}')).toEqual({ value: { a: [1, 2] }, notes: [] });
  });

  it('drops // and /* */ comments with a note, leaving // inside strings alone', () => {
    const result = parseJsonText('{\n  "url": "http://x//y", // where\n  /* block */ "n": 1\n}');
    expect(result.value).toEqual({ url: 'http://x//y', n: 1 });
    expect(result.notes).toEqual([expect.stringContaining('Dropped 2 comments')]);
  });

  it('tolerates trailing commas and says so', () => {
    const result = parseJsonText('{"a": [1, 2,], "b": {"c": 1,},}');
    expect(result.value).toEqual({ a: [1, 2], b: { c: 1 } });
    expect(result.notes).toEqual([expect.stringContaining('3 trailing commas')]);
  });

  it('says where the JSON is broken, by line and column', () => {
    const result = parseJsonText('{\n  "a": 1\n  "b": 2\n}');
    expect(result.value).toBeUndefined();
    expect(result.error).toMatchObject({ line: 3, column: 3 });
    expect(result.error?.message).toBe('line 3, column 3: expected "," between entries');
  });

  it('reports an unclosed object at the end of the text', () => {
    const result = parseJsonText('{"a": {"b": 1}');
    expect(result.error?.message).toContain('expected "}"');
  });

  it('rejects empty text clearly', () => {
    expect(parseJsonText('  \n').error?.message).toContain('empty');
  });
});
