import { describe, expect, it } from 'vitest';
import { importSpec } from './import-spec';
import { CLICKS_SPEC } from './spec-test-helpers';

describe('importSpec', () => {
  it('reads the wrapped form as is', () => {
    const result = importSpec(JSON.stringify(CLICKS_SPEC));
    expect(result).toMatchObject({ spec: CLICKS_SPEC, notes: [], changes: [], issues: [] });
  });

  it('reads the top-level form and says it moved the sections', () => {
    const { type, spec } = CLICKS_SPEC;
    const result = importSpec(JSON.stringify({ type, ...spec }));
    expect(result.spec).toEqual(CLICKS_SPEC);
    expect(result.notes).toEqual([expect.stringContaining('Moved dataSchema, ioConfig and tuningConfig under "spec"')]);
  });

  it('drops the duplicate sections of an Overlord echo, keeping the ones Druid reads', () => {
    const stale = { ...CLICKS_SPEC.spec.ioConfig, topic: 'old' };
    const result = importSpec(JSON.stringify({ ...CLICKS_SPEC, ioConfig: stale }));
    expect(result.spec).toEqual(CLICKS_SPEC);
    expect(result.notes[0]).toMatch(/differ from the sections under "spec"/);
  });

  it('reads pasted JSON with comments and trailing commas, noting both', () => {
    const text = `{
      "type": "kafka", // the supervisor type
      "spec": ${JSON.stringify(CLICKS_SPEC.spec).replace('"replicas":1', '"replicas":1 /* one copy */').replace('"taskDuration":"PT1H"', '"taskDuration":"PT1H",')}
    }`;
    const result = importSpec(text);
    expect(result.spec).toEqual(CLICKS_SPEC);
    expect(result.notes).toEqual([expect.stringContaining('Dropped 2 comments'), expect.stringContaining('1 trailing comma')]);
  });

  it('gives line and column for text that is not JSON', () => {
    const result = importSpec('{\n  "type": "kafka",\n  "spec": {\n    "dataSchema": { "dataSource": "x" }\n    "ioConfig": {}\n  }\n}');
    expect(result.spec).toBeUndefined();
    expect(result.parseError).toMatchObject({ line: 5, column: 5 });
    expect(result.issues[0].message).toBe('The spec is not valid JSON: line 5, column 5: expected "," between entries');
  });

  it('rejects JSON that is not a supervisor spec', () => {
    const result = importSpec('{"queryType": "scan", "dataSource": "x"}');
    expect(result.spec).toBeUndefined();
    expect(result.issues[0].message).toMatch(/not a Kafka supervisor spec/);
  });

  it('returns the upgraded JSON and its issues when the spec is still invalid', () => {
    const result = importSpec('{"dataSchema": {"dataSource": "x", "parser": {"parseSpec": {"format": "json"}}}, "ioConfig": {"topic": "t"}}');
    expect(result.spec).toBeUndefined();
    expect(result.json).toMatchObject({ type: 'kafka', spec: { ioConfig: { inputFormat: { type: 'json' } } } });
    expect(result.issues).toEqual([expect.objectContaining({ pathText: 'spec.ioConfig.consumerProperties', severity: 'error' })]);
  });
});
