import { describe, expect, it } from 'vitest';
import { rangeOfPath } from './spec-ranges';

const text = `{
  "type": "kafka",
  "spec": {
    "dataSchema": { "dataSource": "", "dimensionsSpec": { "dimensions": ["a", "b"] } },
    "ioConfig": { "topic": "t" }
  }
}`;
const marked = (path: (string | number)[], source = text) => {
  const { from, to } = rangeOfPath(source, path);
  return source.slice(from, to);
};

describe('issue markers', () => {
  it('marks a field on its key, and an array entry on its value', () => {
    expect(marked(['spec', 'dataSchema', 'dataSource'])).toBe('"dataSource"');
    expect(marked(['spec', 'dataSchema', 'dimensionsSpec', 'dimensions', 1])).toBe('"b"');
  });

  it('marks a missing field on the object that should hold it', () => {
    expect(marked(['spec', 'ioConfig', 'inputFormat'])).toBe('"ioConfig"');
  });

  it('follows the top-level form, which has no "spec" level', () => {
    expect(marked(['spec', 'ioConfig', 'topic'], '{ "type": "kafka", "ioConfig": { "topic": "t" } }')).toBe('"topic"');
  });
});
