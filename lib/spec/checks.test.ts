import { describe, expect, it } from 'vitest';
import { semanticIssues, type CheckContext } from './checks';
import { CLICKS_SPEC, clicksSpecWith } from './spec-test-helpers';
import type { SupervisorSpec } from './supervisor-spec';

const ds = (s: SupervisorSpec) => s.spec.dataSchema;
const io = (s: SupervisorSpec) => s.spec.ioConfig;

interface Case {
  name: string;
  edit: (s: SupervisorSpec) => void;
  context?: CheckContext;
  path: string;
  severity: 'error' | 'warning';
  message: RegExp;
}

const CASES: Case[] = [
  { name: 'empty datasource', edit: (s) => (ds(s).dataSource = ''), path: 'spec.dataSchema.dataSource', severity: 'error', message: /cannot be empty/ },
  { name: 'datasource starting with a dot', edit: (s) => (ds(s).dataSource = '.hidden'), path: 'spec.dataSchema.dataSource', severity: 'error', message: /cannot start with "\."/ },
  { name: 'datasource with a slash', edit: (s) => (ds(s).dataSource = 'web/clicks'), path: 'spec.dataSchema.dataSource', severity: 'error', message: /cannot contain "\/"/ },
  { name: 'datasource with a tab', edit: (s) => (ds(s).dataSource = 'web\tclicks'), path: 'spec.dataSchema.dataSource', severity: 'error', message: /only plain spaces/ },
  { name: 'datasource with an emoji', edit: (s) => (ds(s).dataSource = 'clicks🚀'), path: 'spec.dataSchema.dataSource', severity: 'error', message: /emoji/ },
  { name: 'datasource with a trailing space', edit: (s) => (ds(s).dataSource = 'clicks '), path: 'spec.dataSchema.dataSource', severity: 'warning', message: /starts or ends with a space/ },
  {
    name: 'query granularity coarser than segment granularity',
    edit: (s) => (ds(s).granularitySpec = { segmentGranularity: 'HOUR', queryGranularity: { type: 'day' } }),
    path: 'spec.dataSchema.granularitySpec.queryGranularity',
    severity: 'error',
    message: /"day" is coarser than segmentGranularity "hour"/,
  },
  {
    name: 'query granularity as a period coarser than the default segment granularity (day)',
    edit: (s) => (ds(s).granularitySpec = { queryGranularity: { type: 'period', period: 'P1W' } }),
    path: 'spec.dataSchema.granularitySpec.queryGranularity',
    severity: 'error',
    message: /coarser/,
  },
  { name: 'segment granularity none', edit: (s) => (ds(s).granularitySpec = { segmentGranularity: 'none' }), path: 'spec.dataSchema.granularitySpec.segmentGranularity', severity: 'error', message: /cannot be "none"/ },
  {
    name: 'a metric named like a dimension',
    edit: (s) => ds(s).metricsSpec!.push({ type: 'longSum', name: 'status', fieldName: 'status' }),
    path: 'spec.dataSchema.metricsSpec[2].name',
    severity: 'error',
    message: /same name as a dimension/,
  },
  { name: 'a dimension listed twice', edit: (s) => ds(s).dimensionsSpec!.dimensions!.push({ name: 'url', type: 'string' }), path: 'spec.dataSchema.dimensionsSpec.dimensions[3]', severity: 'error', message: /listed twice \(first at dimensions\[0\]\)/ },
  { name: 'a metric defined twice', edit: (s) => ds(s).metricsSpec!.push({ type: 'count', name: 'count' }), path: 'spec.dataSchema.metricsSpec[2].name', severity: 'error', message: /defined twice/ },
  { name: 'the timestamp column kept as a dimension', edit: (s) => ds(s).dimensionsSpec!.dimensions!.push('ts'), path: 'spec.dataSchema.dimensionsSpec.dimensions[3]', severity: 'warning', message: /timestamp column and also a dimension/ },
  { name: '__time as a string dimension', edit: (s) => ds(s).dimensionsSpec!.dimensions!.push('__time'), path: 'spec.dataSchema.dimensionsSpec.dimensions[3]', severity: 'error', message: /must have type "long"/ },
  { name: '__time as a long dimension after others', edit: (s) => ds(s).dimensionsSpec!.dimensions!.push({ type: 'long', name: '__time' }), path: 'spec.dataSchema.dimensionsSpec.dimensions[3]', severity: 'error', message: /forceSegmentSortByTime/ },
  { name: 'a metric named __time', edit: (s) => ds(s).metricsSpec!.push({ type: 'longMax', name: '__time', fieldName: 'ts' }), path: 'spec.dataSchema.metricsSpec[2].name', severity: 'error', message: /cannot be named "__time"/ },
  { name: 'a sum without its input column', edit: (s) => ds(s).metricsSpec!.push({ type: 'longSum', name: 'clicks' }), path: 'spec.dataSchema.metricsSpec[2].fieldName', severity: 'error', message: /needs a fieldName/ },
  { name: 'rollup with no metrics', edit: (s) => (ds(s).metricsSpec = []), path: 'spec.dataSchema.granularitySpec.rollup', severity: 'warning', message: /no metrics/ },
  { name: 'bootstrap.servers missing', edit: (s) => (io(s).consumerProperties = { 'security.protocol': 'SSL' }), path: 'spec.ioConfig.consumerProperties["bootstrap.servers"]', severity: 'error', message: /needs "bootstrap.servers"/ },
  { name: 'bootstrap.servers blank', edit: (s) => (io(s).consumerProperties = { 'bootstrap.servers': ' ' }), path: 'spec.ioConfig.consumerProperties["bootstrap.servers"]', severity: 'error', message: /host:port/ },
  { name: 'bootstrap.servers left as a placeholder', edit: (s) => (io(s).consumerProperties = { 'bootstrap.servers': '{kafka_ip}:9092' }), path: 'spec.ioConfig.consumerProperties["bootstrap.servers"]', severity: 'warning', message: /placeholder/ },
  { name: 'bootstrap.servers without a port', edit: (s) => (io(s).consumerProperties = { 'bootstrap.servers': 'kafka1' }), path: 'spec.ioConfig.consumerProperties["bootstrap.servers"]', severity: 'warning', message: /"kafka1" is not host:port/ },
  { name: 'no topic', edit: (s) => delete io(s).topic, path: 'spec.ioConfig.topic', severity: 'error', message: /needs a topic/ },
  { name: 'topic and topicPattern together', edit: (s) => (io(s).topicPattern = 'clicks-.*'), path: 'spec.ioConfig.topicPattern', severity: 'error', message: /not both/ },
  { name: 'no inputFormat', edit: (s) => delete io(s).inputFormat, path: 'spec.ioConfig.inputFormat', severity: 'error', message: /needs an inputFormat/ },
  { name: 'a leftover legacy parser', edit: (s) => (ds(s).parser = { type: 'string', parseSpec: { format: 'json' } }), path: 'spec.dataSchema.parser', severity: 'error', message: /both dataSchema.parser and ioConfig.inputFormat/ },
  { name: 'taskCount above the partition count', edit: (s) => (io(s).taskCount = 4), context: { partitionCount: 3 }, path: 'spec.ioConfig.taskCount', severity: 'warning', message: /taskCount 4 is above the topic's 3 partitions/ },
  {
    name: 'autoscaler minimum above its maximum',
    edit: (s) => (io(s).autoScalerConfig = { enableTaskAutoScaler: true, taskCountMin: 5, taskCountMax: 2 }),
    path: 'spec.ioConfig.autoScalerConfig.taskCountMin',
    severity: 'error',
    message: /above taskCountMax/,
  },
  {
    name: 'both late-message rejection settings',
    edit: (s) => Object.assign(io(s), { lateMessageRejectionPeriod: 'PT1H', lateMessageRejectionStartDateTime: '2024-01-01T00:00:00Z' }),
    path: 'spec.ioConfig.lateMessageRejectionStartDateTime',
    severity: 'error',
    message: /not both/,
  },
  { name: 'useEarliestOffset left to the default', edit: (s) => delete io(s).useEarliestOffset, path: 'spec.ioConfig.useEarliestOffset', severity: 'warning', message: /skips messages already in the topic/ },
];

describe('semantic checks', () => {
  it('find nothing wrong with a sound spec', () => {
    expect(semanticIssues(CLICKS_SPEC, { partitionCount: 2 })).toEqual([]);
  });

  it.each(CASES)('$name', ({ edit, context, path, severity, message }) => {
    const issues = semanticIssues(clicksSpecWith(edit), context);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ pathText: path, severity });
    expect(issues[0].message).toMatch(message);
  });

  it('accept what Druid accepts around __time', () => {
    const spec = clicksSpecWith((s) => {
      ds(s).dimensionsSpec = { dimensions: [{ type: 'long', name: '__time' }, 'url'], dimensionExclusions: ['__time'] };
      ds(s).transformSpec = { transforms: [{ type: 'expression', name: '__time', expression: 'timestamp_floor(__time, \'PT1M\')' }] };
    });
    expect(semanticIssues(spec)).toEqual([]);
  });

  it('do not count tasks against partitions when the partition count is unknown', () => {
    expect(semanticIssues(clicksSpecWith((s) => (io(s).taskCount = 40)))).toEqual([]);
  });
});
