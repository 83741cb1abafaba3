import { describe, expect, it } from 'vitest';
import { issueWithTextColumns } from './format-checks';
import { clicksSpecWith } from './spec-test-helpers';
import type { InputFormat } from './input-format';

const withFormat = (inputFormat: InputFormat) => clicksSpecWith((s) => (s.spec.ioConfig.inputFormat = inputFormat));
const ALL_COLUMNS = ['ts', 'url', 'user', 'status', 'latencyMs'];

describe('issueWithTextColumns', () => {
  it('accepts a csv format that names every column the spec reads', () => {
    expect(issueWithTextColumns(withFormat({ type: 'csv', columns: ALL_COLUMNS }), {})).toEqual([]);
  });

  it.each([
    [{ type: 'csv' }, 'spec.ioConfig.inputFormat.columns', 'error', /needs its columns listed/],
    [{ type: 'tsv', columns: ALL_COLUMNS, findColumnsFromHeader: true }, 'spec.ioConfig.inputFormat.findColumnsFromHeader', 'error', /first line of every message/],
    [{ type: 'csv', columns: ['time', 'url', 'user', 'status', 'latencyMs'] }, 'spec.dataSchema.timestampSpec.column', 'error', /"ts" is not among the csv columns/],
    [{ type: 'regex', pattern: '(.*)', columns: ['ts', 'url', 'status', 'latencyMs'] }, 'spec.dataSchema.dimensionsSpec.dimensions[1]', 'warning', /"user" is not among/],
    [{ type: 'csv', columns: ['ts', 'url', 'user', 'status'] }, 'spec.dataSchema.metricsSpec[1].fieldName', 'warning', /reads "latencyMs"/],
  ] as const)('flags %j at %s', (format, pathText, severity, message) => {
    const issues = issueWithTextColumns(withFormat(format as InputFormat), {});
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ pathText, severity });
    expect(issues[0].message).toMatch(message);
  });

  it('leaves json alone: its fields are named in each message', () => {
    expect(issueWithTextColumns(withFormat({ type: 'json' }), {})).toEqual([]);
  });
});
