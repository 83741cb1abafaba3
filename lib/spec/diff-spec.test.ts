import { describe, expect, it } from 'vitest';
import { diffSpecs } from './diff-spec';
import type { RiskKind } from './spec-risks';
import { CLICKS_SPEC, clicksSpecWith } from './spec-test-helpers';
import type { SupervisorSpec } from './supervisor-spec';

const ds = (s: SupervisorSpec) => s.spec.dataSchema;
const io = (s: SupervisorSpec) => s.spec.ioConfig;

describe('diffSpecs', () => {
  it('sees no change between spellings Druid treats as the same', () => {
    const respelled = clicksSpecWith((s) => {
      ds(s).granularitySpec = { type: 'uniform', segmentGranularity: 'HOUR', queryGranularity: { type: 'minute' }, rollup: true, intervals: [] };
      ds(s).dimensionsSpec!.dimensions = [
        { type: 'string', name: 'url', multiValueHandling: 'SORTED_ARRAY', createBitmapIndex: true },
        'user',
        { type: 'long', name: 'status', createBitmapIndex: false },
      ];
      ds(s).transformSpec = { transforms: [], filter: null };
      Object.assign(io(s), { taskDuration: 'PT3600S', completionTimeout: 'PT1800S', pollTimeout: 100, autoScalerConfig: null, stream: 'clicks' });
      s.spec.tuningConfig = { type: 'kafka', maxRowsInMemory: 150000, maxParseExceptions: 2147483647, workerThreads: null };
      s.suspended = false;
    });
    const diff = diffSpecs(CLICKS_SPEC, respelled);
    expect(diff).toEqual({ groups: { dataSchema: [], ioConfig: [], tuningConfig: [], other: [] }, risks: [], equivalent: true });
  });

  it('groups plain changes by section, showing defaults for fields left out', () => {
    const after = clicksSpecWith((s) => {
      io(s).replicas = 2;
      s.spec.tuningConfig = { type: 'kafka', maxRowsInMemory: 500000 };
      s.suspended = true;
    });
    const diff = diffSpecs(CLICKS_SPEC, after);
    expect(diff.groups.ioConfig).toEqual([{ path: ['spec', 'ioConfig', 'replicas'], pathText: 'spec.ioConfig.replicas', kind: 'changed', from: 1, to: 2 }]);
    expect(diff.groups.tuningConfig).toEqual([
      { path: ['spec', 'tuningConfig', 'maxRowsInMemory'], pathText: 'spec.tuningConfig.maxRowsInMemory', kind: 'changed', from: 150000, to: 500000 },
    ]);
    expect(diff.groups.other).toEqual([{ path: ['suspended'], pathText: 'suspended', kind: 'changed', from: false, to: true }]);
    expect(diff.risks).toEqual([]);
    expect(diff.equivalent).toBe(false);
  });

  interface RiskCase {
    name: string;
    edit: (s: SupervisorSpec) => void;
    kind: RiskKind;
    path: string;
    severity: 'high' | 'medium' | 'low';
    meaning: RegExp;
  }

  const RISKS: RiskCase[] = [
    { name: 'topic change', edit: (s) => (io(s).topic = 'clicks-v2'), kind: 'topic-change', path: 'spec.ioConfig.topic', severity: 'high', meaning: /offsets .* mean nothing for "clicks-v2".*reset/ },
    { name: 'datasource change', edit: (s) => (ds(s).dataSource = 'clicks_v2'), kind: 'datasource-change', path: 'spec.dataSchema.dataSource', severity: 'high', meaning: /second supervisor.*"clicks" keeps running/ },
    { name: 'removed dimension', edit: (s) => ds(s).dimensionsSpec!.dimensions!.splice(1, 1), kind: 'dimension-removed', path: 'spec.dataSchema.dimensionsSpec.dimensions[1]', severity: 'medium', meaning: /already published keep the "user" column/ },
    { name: 'dimension type change', edit: (s) => (ds(s).dimensionsSpec!.dimensions![2] = 'status'), kind: 'dimension-type-change', path: 'spec.dataSchema.dimensionsSpec.dimensions[2]', severity: 'medium', meaning: /Old segments keep "status" as long/ },
    { name: 'removed metric', edit: (s) => ds(s).metricsSpec!.pop(), kind: 'metric-removed', path: 'spec.dataSchema.metricsSpec[1]', severity: 'medium', meaning: /keep "latency_sum"/ },
    { name: 'metric type change', edit: (s) => (ds(s).metricsSpec![1].type = 'longSum'), kind: 'metric-change', path: 'spec.dataSchema.metricsSpec[1]', severity: 'medium', meaning: /never recomputed.*doubleSum.*longSum/ },
    { name: 'segment granularity change', edit: (s) => (ds(s).granularitySpec!.segmentGranularity = 'DAY'), kind: 'segment-granularity-change', path: 'spec.dataSchema.granularitySpec.segmentGranularity', severity: 'medium', meaning: /Only segments created after the update use day.*hour intervals/ },
    { name: 'query granularity change', edit: (s) => (ds(s).granularitySpec!.queryGranularity = 'hour'), kind: 'query-granularity-change', path: 'spec.dataSchema.granularitySpec.queryGranularity', severity: 'medium', meaning: /truncated to hour.*keep minute/ },
    { name: 'rollup switched off', edit: (s) => (ds(s).granularitySpec!.rollup = false), kind: 'rollup-change', path: 'spec.dataSchema.granularitySpec.rollup', severity: 'high', meaning: /stay rolled up.*COUNT\(\*\)/ },
    { name: 'input format change', edit: (s) => (io(s).inputFormat = { type: 'csv', columns: ['ts', 'url'] }), kind: 'input-format-change', path: 'spec.ioConfig.inputFormat', severity: 'high', meaning: /not parsed again.*parse errors/ },
    { name: 'timestamp format change', edit: (s) => (ds(s).timestampSpec = { column: 'ts', format: 'millis' }), kind: 'timestamp-change', path: 'spec.dataSchema.timestampSpec', severity: 'high', meaning: /keep their times/ },
    { name: 'start offset change', edit: (s) => (io(s).useEarliestOffset = false), kind: 'start-offset-change', path: 'spec.ioConfig.useEarliestOffset', severity: 'low', meaning: /only decides where reading starts when no offsets are stored/ },
  ];

  it.each(RISKS)('names the risk of a $name and what it means for ingested data', ({ edit, kind, path, severity, meaning }) => {
    const diff = diffSpecs(CLICKS_SPEC, clicksSpecWith(edit));
    expect(diff.risks).toHaveLength(1);
    expect(diff.risks[0]).toMatchObject({ kind, pathText: path, severity });
    expect(diff.risks[0].meaning).toMatch(meaning);
    expect(diff.equivalent).toBe(false);
  });

  it('lists removed and added dimensions in the dataSchema group', () => {
    const after = clicksSpecWith((s) => (ds(s).dimensionsSpec!.dimensions = ['url', { type: 'long', name: 'status' }, 'country']));
    expect(diffSpecs(CLICKS_SPEC, after).groups.dataSchema).toEqual([
      expect.objectContaining({ pathText: 'spec.dataSchema.dimensionsSpec.dimensions[1]', kind: 'removed', from: 'user' }),
      expect.objectContaining({ pathText: 'spec.dataSchema.dimensionsSpec.dimensions[2]', kind: 'added', to: 'country' }),
    ]);
  });

  it('notices a reordering of dimensions, which changes how segments sort', () => {
    const after = clicksSpecWith((s) => ds(s).dimensionsSpec!.dimensions!.reverse());
    const diff = diffSpecs(CLICKS_SPEC, after);
    expect(diff.groups.dataSchema).toEqual([expect.objectContaining({ pathText: 'spec.dataSchema.dimensionsSpec.dimensions', kind: 'changed', from: ['url', 'user', 'status'], to: ['status', 'user', 'url'] })]);
    expect(diff.risks).toEqual([]);
  });
});
