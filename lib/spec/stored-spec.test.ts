// Specs as Druid 33 stores and echoes them (testdata/druid-contract/real) read back as the spec
// that was submitted: importable, equal to it, and free of Druid's nulls and filled-in defaults.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDruidJson } from '../druid/json';
import { diffSpecs } from './diff-spec';
import { specToCurl } from './export-spec';
import { importSpecValue } from './import-spec';
import { isRecord } from './issue';
import { planFromSpec } from './plan-from-spec';
import { importStoredSpec, normalizeStoredSpec, withoutNulls } from './stored-spec';
import type { SupervisorSpec } from './supervisor-spec';

// Answers of Druid 33: written from its serializers (real/) and recorded from the local stack (druid33/).
const CONTRACT = path.resolve(__dirname, '../../testdata/druid-contract');
const FOLDERS = ['real', 'druid33'].filter((folder) => existsSync(path.join(CONTRACT, folder)));
const files = FOLDERS.flatMap((folder) => readdirSync(path.join(CONTRACT, folder)).map((name) => `${folder}/${name}`));
const real = (name: string) => parseDruidJson(readFileSync(path.join(CONTRACT, name), 'utf8'), { bigIntegers: 'string' });
/** GET /supervisor/{id} and the suspend and resume answers, which echo the spec the same way. */
const ECHOES = files.filter((name) => /\/overlord\.supervisor\.(spec|suspend|resume)(\..+)?\.response\.json$/.test(name));
/** The spec submitted for an echo, where the folder has it: overlord.supervisor.post.request.<tag>.json. */
const submittedFor = (echo: string) => {
  const name = echo.replace(/overlord\.supervisor\.spec\.(.*)\.response\.json$/, 'overlord.supervisor.post.request.$1.json');
  return name !== echo && files.includes(name) ? real(name) : undefined;
};

function nullPaths(value: unknown, at = ''): string[] {
  if (value === null) return [at];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullPaths(item, `${at}[${i}]`));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => nullPaths(item, at ? `${at}.${key}` : key));
  return [];
}

const errorsOf = (result: ReturnType<typeof importSpecValue>) => result.issues.filter((issue) => issue.severity === 'error').map((issue) => `${issue.pathText}: ${issue.message}`);

it('has Druid 33 echoes to read', () => {
  expect(ECHOES.length).toBeGreaterThan(0);
});

describe.each(ECHOES)('%s', (name) => {
  const echo = real(name);

  it('imports as Druid has it: every optional field may be null, unknown fields are kept', () => {
    const imported = importSpecValue(echo);
    expect(errorsOf(imported)).toEqual([]);
    expect(imported.spec).toBeDefined();
  });

  it('normalizes to a spec without nulls, copies or defaults the builder leaves out, which imports cleanly', () => {
    const normalized = normalizeStoredSpec(echo) as Record<string, unknown>;
    expect(nullPaths(normalized)).toEqual([]);
    expect(Object.keys(normalized).filter((key) => ['dataSchema', 'ioConfig', 'tuningConfig', 'context'].includes(key))).toEqual([]);
    const spec = normalized.spec as { dataSchema: Record<string, unknown>; ioConfig: Record<string, unknown>; tuningConfig: Record<string, unknown> };
    expect(spec.dataSchema).not.toHaveProperty('parser');
    for (const key of ['stream', 'useEarliestSequenceNumber', 'pollTimeout', 'startDelay', 'period', 'emitTimeLagMetrics']) expect(spec.ioConfig).not.toHaveProperty(key);
    for (const key of ['appendableIndexSpec', 'indexSpec', 'indexSpecForIntermediatePersists', 'maxBytesInMemory', 'chatRetries']) expect(spec.tuningConfig).not.toHaveProperty(key);
    const imported = importStoredSpec(echo);
    expect(errorsOf(imported)).toEqual([]);
    expect(imported.spec?.spec.ioConfig.topic).toBeTruthy();
    expect(specToCurl(imported.spec!, 'http://router:8888')).not.toContain('null');
  });

  it('equals the spec that was submitted (an identical resubmit is "unchanged")', () => {
    const submitted = submittedFor(name);
    if (!submitted) return;
    const stored = importStoredSpec(echo).spec!;
    const sent = importStoredSpec(submitted).spec!;
    const diff = diffSpecs(stored, sent);
    expect(Object.values(diff.groups).flat().map((c) => c.pathText)).toEqual([]);
    expect(diff.equivalent).toBe(true);
    // What the edit form shows is what was submitted.
    expect(planFromSpec(stored).plan).toEqual(planFromSpec(sent).plan);
  });

  it('is stable: normalizing twice changes nothing', () => {
    const once = normalizeStoredSpec(echo);
    expect(normalizeStoredSpec(once)).toEqual(once);
  });
});

describe('normalizeStoredSpec', () => {
  interface Echo {
    id?: string;
    suspended?: boolean;
    spec: {
      dataSchema: { dimensionsSpec: { dimensions: unknown[]; dimensionExclusions?: string[] }; metricsSpec?: unknown[]; transformSpec?: unknown };
      ioConfig: Record<string, unknown>;
      tuningConfig: Record<string, unknown> & { indexSpec?: Record<string, unknown> };
    };
  }
  const echo = (edit: (spec: Echo) => void = () => {}) => {
    const spec = structuredClone(real('real/overlord.supervisor.spec.druid33.response.json')) as Echo;
    edit(spec);
    return normalizeStoredSpec(spec) as Pick<SupervisorSpec, 'spec'> & Pick<Echo, 'id' | 'suspended'>;
  };

  it('keeps what differs from the defaults, and fields it does not know', () => {
    const normalized = echo((s) => {
      s.id = 'clicks-eu';
      s.suspended = true;
      Object.assign(s.spec.ioConfig, { pollTimeout: 250, completionTimeout: 'PT45M', emitTimeLagMetrics: true, somethingNew: 'kept' });
      s.spec.tuningConfig.indexSpec = { ...s.spec.tuningConfig.indexSpec, dimensionCompression: 'zstd' };
      s.spec.tuningConfig.maxRowsInMemory = 75000;
      s.spec.dataSchema.dimensionsSpec.dimensionExclusions = ['__time', 'ts', 'internal_id'];
    });
    expect(normalized).toMatchObject({ id: 'clicks-eu', suspended: true });
    expect(normalized.spec.ioConfig).toMatchObject({ pollTimeout: 250, completionTimeout: 'PT45M', emitTimeLagMetrics: true, somethingNew: 'kept' });
    expect(normalized.spec.tuningConfig).toMatchObject({ indexSpec: { dimensionCompression: 'zstd' }, maxRowsInMemory: 75000 });
    expect(normalized.spec.dataSchema.dimensionsSpec?.dimensionExclusions).toEqual(['internal_id']);
  });

  it('writes string dimensions by name and keeps typed ones with what is not their default', () => {
    const normalized = echo((s) => {
      s.spec.dataSchema.dimensionsSpec.dimensions.push({ type: 'string', name: 'tags', multiValueHandling: 'ARRAY', createBitmapIndex: true });
    });
    const dims = normalized.spec.dataSchema.dimensionsSpec?.dimensions ?? [];
    expect(dims[0]).toBe('url');
    expect(dims).toContainEqual({ type: 'long', name: 'status' });
    expect(dims).toContainEqual({ type: 'string', name: 'tags', multiValueHandling: 'ARRAY' });
  });

  it('drops an empty transformSpec, an empty metricsSpec and a flatten field\'s null nodes', () => {
    const normalized = echo((s) => {
      s.spec.dataSchema.transformSpec = { filter: null, transforms: [] };
      s.spec.dataSchema.metricsSpec = [];
    });
    expect(normalized.spec.dataSchema).not.toHaveProperty('transformSpec');
    expect(normalized.spec.dataSchema).not.toHaveProperty('metricsSpec');
    expect(normalized.spec.ioConfig.inputFormat).toEqual({ type: 'json', flattenSpec: { useFieldDiscovery: true, fields: [{ type: 'path', name: 'user_agent', expr: '$.client.ua' }] } });
  });

  it('leaves what is not a spec alone', () => {
    expect(normalizeStoredSpec(null)).toBeNull();
    expect(normalizeStoredSpec('x')).toBe('x');
    expect(withoutNulls([null, { a: null, b: [null] }])).toEqual([null, { b: [null] }]);
  });
});

describe('the spec schema, for specs pasted as Druid echoes them', () => {
  it('accepts null for optional fields at every level', () => {
    const spec = {
      type: 'kafka',
      suspended: null,
      spec: {
        dataSchema: { dataSource: 'x', timestampSpec: null, dimensionsSpec: null, metricsSpec: null, granularitySpec: { queryGranularity: null, intervals: null }, transformSpec: null, parser: null },
        ioConfig: {
          type: 'kafka',
          topic: 'x',
          topicPattern: null,
          inputFormat: { type: 'json', flattenSpec: { useFieldDiscovery: null, fields: [{ type: 'root', name: 'a', expr: null, nodes: null }] } },
          consumerProperties: { 'bootstrap.servers': 'k:9092' },
          useEarliestOffset: true,
          taskCount: null,
          autoScalerConfig: { enableTaskAutoScaler: true, taskCountMin: 1, taskCountMax: 2, taskCountStart: null, lagAggregate: null },
        },
        tuningConfig: { type: 'kafka', maxRowsInMemory: null, indexSpec: null, numPersistThreads: null },
      },
    };
    expect(errorsOf(importSpecValue(spec))).toEqual([]);
  });
});
