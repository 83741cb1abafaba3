import { describe, expect, it } from 'vitest';
import { cloneJson } from './json-value';
import { CLICKS_SPEC } from './spec-test-helpers';
import { validateSpec } from './validate';

type Json = Record<string, unknown>;

/** A copy of CLICKS_SPEC with the value at path replaced (or removed, for undefined). */
const withValue = (path: readonly (string | number)[], value: unknown): Json => {
  const spec = cloneJson(CLICKS_SPEC) as Json;
  const parent = path.slice(0, -1).reduce<Json>((obj, key) => obj[key] as Json, spec);
  const last = path[path.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return spec;
};

describe('validateSpec', () => {
  it('returns the spec with no issues when it is sound', () => {
    expect(validateSpec(CLICKS_SPEC, { partitionCount: 4 })).toEqual({ spec: CLICKS_SPEC, issues: [] });
  });

  it.each([
    ['a quoted number', ['spec', 'tuningConfig', 'maxRowsInMemory'], '100000', 'spec.tuningConfig.maxRowsInMemory', 'maxRowsInMemory must be a number, not the string "100000"'],
    ['a missing datasource', ['spec', 'dataSchema', 'dataSource'], undefined, 'spec.dataSchema.dataSource', /dataSource is required/],
    ['a non-Kafka supervisor', ['type'], 'kinesis', 'type', /must be "kafka"/],
    ['a bad period', ['spec', 'ioConfig', 'taskDuration'], '1 hour', 'spec.ioConfig.taskDuration', /ISO-8601 period/],
    ['an unknown granularity', ['spec', 'dataSchema', 'granularitySpec', 'segmentGranularity'], 'fortnight', 'spec.dataSchema.granularitySpec.segmentGranularity', /must be one of none, second/],
    ['a csv format with an empty column name', ['spec', 'ioConfig', 'inputFormat'], { type: 'csv', columns: ['ts', ''] }, 'spec.ioConfig.inputFormat.columns[1]', /column names cannot be empty/],
    ['a kafka format without valueFormat', ['spec', 'ioConfig', 'inputFormat'], { type: 'kafka' }, 'spec.ioConfig.inputFormat.valueFormat', /valueFormat is required/],
    ['a dimension without a name', ['spec', 'dataSchema', 'dimensionsSpec', 'dimensions', 3], { type: 'long' }, 'spec.dataSchema.dimensionsSpec.dimensions[3].name', /name is required/],
    ['taskCount zero', ['spec', 'ioConfig', 'taskCount'], 0, 'spec.ioConfig.taskCount', /taskCount/],
    ['consumerProperties missing', ['spec', 'ioConfig', 'consumerProperties'], undefined, 'spec.ioConfig.consumerProperties', /consumerProperties is required/],
  ] as const)('says where the shape is wrong: %s', (_name, path, value, pathText, message) => {
    const result = validateSpec(withValue(path, value));
    expect(result.spec).toBeUndefined();
    const issue = result.issues.find((i) => i.pathText === pathText);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue!.severity).toBe('error');
    expect(issue!.message).toMatch(message);
  });

  it('names an array entry by its list when the entry itself is wrong', () => {
    const issue = validateSpec(withValue(['spec', 'dataSchema', 'dimensionsSpec', 'dimensions', 1], 42)).issues[0];
    expect(issue).toMatchObject({ pathText: 'spec.dataSchema.dimensionsSpec.dimensions[1]' });
    expect(issue.message).toBe('dimensions[1] has the wrong type: the number 42');
  });

  it('keeps fields it does not know, such as extension settings', () => {
    const spec = withValue(['context'], { priority: 10 });
    Object.assign((spec.spec as Json).dataSchema as Json, { projections: [{ name: 'p' }] });
    Object.assign((spec.spec as Json).ioConfig as Json, { configOverrides: { any: 'thing' } });
    expect(validateSpec(spec).spec).toEqual(spec);
  });

  it('reads the top-level form and reports paths in the wrapped form', () => {
    const { type, spec } = cloneJson(CLICKS_SPEC);
    const topLevel = { type, ...spec, ioConfig: { ...spec.ioConfig, taskCount: -1 } };
    expect(validateSpec(topLevel).issues.map((i) => i.pathText)).toEqual(['spec.ioConfig.taskCount']);
  });
});
