import { describe, expect, it } from 'vitest';
import { SupervisorHistorySchema, type SupervisorHistoryEntry } from '../druid/schemas/supervisor';
import { recordedJson } from '../druid/testing/fixtures';
import { redactSpec } from './redact';
import { baselineVersion, compareVersions, foldToggles, supervisorVersions, versionFileName, versionFileText } from './versions';

const spec = (dimensions: string[], suspended = false, consumerProperties: Record<string, string> = { 'bootstrap.servers': 'k:9092' }) => ({
  type: 'kafka',
  spec: {
    dataSchema: { dataSource: 'clicks', timestampSpec: { column: 'time', format: 'iso' }, dimensionsSpec: { dimensions }, granularitySpec: { segmentGranularity: 'hour' } },
    ioConfig: { type: 'kafka', topic: 'clicks', inputFormat: { type: 'json' }, consumerProperties, taskCount: 1 },
    tuningConfig: { type: 'kafka' },
  },
  suspended,
});

// Druid's order: newest first.
const history: SupervisorHistoryEntry[] = [
  { version: '2024-01-05T00:00:00.000Z', spec: spec(['url', 'country']) },
  { version: '2024-01-04T00:00:00.000Z', spec: spec(['url', 'country'], true) },
  { version: '2024-01-03T00:00:00.000Z', spec: spec(['url', 'country']) },
  { version: '2024-01-02T00:00:00.000Z', spec: spec(['url']) },
  { version: '2024-01-01T00:00:00.000Z', spec: spec(['url']) },
];

describe('supervisorVersions', () => {
  it('tells spec changes from suspend/resume toggles and resubmits of the same spec, and marks the newest as current', () => {
    const { terminated, versions } = supervisorVersions('clicks', history);
    expect(terminated).toBe(false);
    expect(versions.map((v) => [v.version.slice(0, 10), v.change, v.changeCount, v.suspended, v.current])).toEqual([
      ['2024-01-05', 'toggle', 0, false, true],
      ['2024-01-04', 'toggle', 0, true, false],
      ['2024-01-03', 'spec', 1, false, false],
      ['2024-01-02', 'unchanged', 0, false, false],
      ['2024-01-01', 'first', 0, false, false],
    ]);
  });

  it("reads Druid 33's history of a terminated supervisor: the terminate on top, nothing current", () => {
    const recorded = SupervisorHistorySchema.parse(recordedJson('overlord.supervisor.history.terminated.response.json'));
    const { terminated, versions } = supervisorVersions('contract', recorded);
    expect(terminated).toBe(true);
    expect(versions.map((v) => [v.change, v.suspended, v.current])).toEqual([
      ['terminated', null, false],
      ['toggle', false, false],
      ['toggle', true, false],
      ['first', false, false],
    ]);
    // What ran last before the terminate is what a comparison or a resubmit starts from.
    expect(baselineVersion(versions)?.version).toBe('2026-12-07T12:32:06.843Z');
  });
});

describe('foldToggles', () => {
  const { versions } = supervisorVersions('clicks', history);

  it('hides suspend/resume toggles by default but keeps the current version, and counts what it hid', () => {
    const folded = foldToggles(versions, false);
    expect(folded.shown.map((v) => v.version.slice(0, 10))).toEqual(['2024-01-05', '2024-01-03', '2024-01-02', '2024-01-01']);
    expect(folded.hiddenToggles).toBe(1);
  });

  it('shows every version when asked', () => {
    expect(foldToggles(versions, true)).toEqual({ shown: versions, hiddenToggles: 0 });
  });
});

describe('compareVersions', () => {
  const { versions } = supervisorVersions('clicks', history);
  const at = (day: string) => versions.find((v) => v.version.startsWith(day))!;

  it('diffs any two versions, not only neighbours, in either direction', () => {
    const back = compareVersions(at('2024-01-05'), at('2024-01-01'));
    expect(back.diff?.equivalent).toBe(false);
    expect(back.diff?.groups.dataSchema.map((c) => [c.pathText, c.kind])).toEqual([['spec.dataSchema.dimensionsSpec.dimensions[1]', 'removed']]);
    expect(compareVersions(at('2024-01-05'), at('2024-01-03')).diff?.equivalent).toBe(true);
  });

  it('carries the risks of the change: going back to a version without a dimension drops it', () => {
    const back = compareVersions(at('2024-01-05'), at('2024-01-01'));
    expect(back.diff?.risks.map((r) => r.title)).toEqual(['Dimension "country" is removed']);
  });

  it('says a terminate cannot be compared, naming it', () => {
    const recorded = supervisorVersions('contract', SupervisorHistorySchema.parse(recordedJson('overlord.supervisor.history.terminated.response.json'))).versions;
    expect(compareVersions(recorded[1], recorded[0]).problem).toBe('Version 2026-12-07T12:32:06.882Z is a terminate, not a spec: pick a spec version to compare.');
  });
});

describe('downloads', () => {
  it('names the file after the supervisor and the version time, without colons or slashes', () => {
    expect(versionFileName('clicks', '2024-01-05T10:15:00.000Z')).toBe('clicks-2024-01-05T10-15-00.000Z.json');
    expect(versionFileName('a/b', '2024-01-05T10:15:00.000Z')).toBe('a_b-2024-01-05T10-15-00.000Z.json');
  });

  it('holds the spec as Druid stored it, pretty-printed, with the secrets the server hid', () => {
    const secret = spec(['url'], false, { 'bootstrap.servers': 'k:9092', 'sasl.jaas.config': 'org.apache.kafka...password="hunter2";' });
    const [version] = supervisorVersions('clicks', [{ version: '2024-01-01T00:00:00.000Z', spec: redactSpec(secret) }]).versions;
    const text = versionFileText(version);
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text).spec.ioConfig.consumerProperties['bootstrap.servers']).toBe('k:9092');
    expect(text).toContain('\n  "spec": {\n');
  });
});
