import { describe, expect, it } from 'vitest';
import { createRowParser, type IngestSpec } from '../ingest';
import { importStoredSpec } from '../spec/stored-spec';
import type { SupervisorSpec } from '../spec/supervisor-spec';
import { dueForProbe, percentile, probeCandidates, probePartitionsByLeader, probePlanOf, probeQuery, sqlIdentifier, summarizeFreshness } from './freshness';

const clicks: IngestSpec = {
  inputFormat: { type: 'json' },
  timestampSpec: { column: 'time', format: 'millis' },
  dimensionsSpec: { dimensions: ['url', { name: 'status', type: 'long' }, { name: 'ratio', type: 'double' }, { name: 'weight', type: 'float' }, 'tags'] },
  metricsSpec: [{ type: 'count', name: 'views' }, { type: 'longSum', name: 'latencyMs', fieldName: 'latencyMs' }],
  granularitySpec: { queryGranularity: 'none', rollup: false },
};

const rowOf = (spec: IngestSpec, value: unknown) => {
  const result = createRowParser(spec)({ value: typeof value === 'string' ? value : JSON.stringify(value), timestamp: 1_772_000_000_000 });
  if (result.kind !== 'row') throw new Error(result.reason);
  return result.row;
};

function supervisorSpec(overrides: { ioConfig?: object; dataSchema?: object } = {}): SupervisorSpec {
  const imported = importStoredSpec({
    type: 'kafka',
    spec: {
      dataSchema: { dataSource: 'clicks', timestampSpec: { column: 'time', format: 'millis' }, dimensionsSpec: { dimensions: ['url'] }, granularitySpec: { segmentGranularity: 'hour', queryGranularity: 'none', rollup: false }, ...overrides.dataSchema },
      ioConfig: { topic: 'clicks', inputFormat: { type: 'json' }, consumerProperties: { 'bootstrap.servers': 'kafka:9092' }, ...overrides.ioConfig },
    },
  });
  if (!imported.spec) throw new Error(JSON.stringify(imported.issues));
  return imported.spec;
}

describe('the figures', () => {
  it('are percentiles by nearest rank: always a measured value', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([700], 95)).toBe(700);
    expect(percentile([400, 100, 300, 200], 50)).toBe(200);
    expect(percentile(Array.from({ length: 20 }, (_, i) => (i + 1) * 100), 95)).toBe(1900);
  });

  it('cover the last hour, newest last, and count a probe that gave up with the time it waited', () => {
    const now = Date.parse('2026-03-01T12:00:00.000Z');
    const summary = summarizeFreshness(
      'clicks',
      [
        { time: '2026-03-01T11:59:00.000Z', freshnessMs: 30_500, seen: false },
        { time: '2026-03-01T10:30:00.000Z', freshnessMs: 50, seen: true },
        { time: '2026-03-01T11:10:00.000Z', freshnessMs: 800, seen: true },
        { time: '2026-03-01T11:20:00.000Z', freshnessMs: 600, seen: true },
      ],
      now,
    );
    expect(summary).toEqual({
      supervisorId: 'clicks',
      lastMs: 30_500,
      p50Ms: 800,
      p95Ms: 30_500,
      samples: [
        { time: '2026-03-01T11:10:00.000Z', freshnessMs: 800, seen: true },
        { time: '2026-03-01T11:20:00.000Z', freshnessMs: 600, seen: true },
        { time: '2026-03-01T11:59:00.000Z', freshnessMs: 30_500, seen: false },
      ],
      note: null,
    });
  });

  it('are empty, with the note saying why, when nothing was measured', () => {
    expect(summarizeFreshness('clicks', [], 0, 'No probe yet')).toMatchObject({ lastMs: null, p50Ms: null, p95Ms: null, samples: [], note: 'No probe yet' });
  });
});

describe('the probe query', () => {
  it("matches the message's row by its time and every dimension that compares exactly, with values as parameters", () => {
    const row = rowOf(clicks, { time: 1_772_000_123_456, url: "/it's", status: 200, ratio: 0.25, weight: 1.1, tags: ['a', 'b'], latencyMs: 12 });
    expect(probeQuery('web "clicks"', clicks, row)).toEqual({
      query: 'SELECT COUNT(*) AS "rows" FROM "web ""clicks""" WHERE __time = MILLIS_TO_TIMESTAMP(?) AND "url" = ? AND "status" = ? AND "ratio" = ? AND "tags" = ? AND "tags" = ?',
      parameters: [
        { type: 'BIGINT', value: 1_772_000_123_456 },
        { type: 'VARCHAR', value: "/it's" },
        { type: 'BIGINT', value: 200 },
        { type: 'DOUBLE', value: 0.25 },
        { type: 'VARCHAR', value: 'a' },
        { type: 'VARCHAR', value: 'b' },
      ],
      // A float is stored in 32 bits and metrics are not the row's identity: both are left out.
      columns: ['url', 'status', 'ratio', 'tags'],
    });
  });

  it('asks for missing values as nulls, and for __time truncated to the query granularity', () => {
    const spec: IngestSpec = { ...clicks, granularitySpec: { queryGranularity: 'minute', rollup: true } };
    const query = probeQuery('clicks', spec, rowOf(spec, { time: 1_772_000_123_456, url: '/', ratio: null }));
    expect(query).toMatchObject({ parameters: [{ type: 'BIGINT', value: 1_772_000_100_000 }, { type: 'VARCHAR', value: '/' }], columns: ['url', 'status', 'ratio', 'tags'] });
    expect((query as { query: string }).query).toContain('"status" IS NULL AND "ratio" IS NULL AND "tags" IS NULL');
  });

  it('reads a long beyond 2^53 exactly, as text', () => {
    const spec: IngestSpec = { ...clicks, dimensionsSpec: { dimensions: [{ name: 'userId', type: 'long' }] } };
    expect(probeQuery('clicks', spec, rowOf(spec, '{"time": 1, "userId": 9007199254740993}'))).toMatchObject({ parameters: [{ type: 'BIGINT', value: 1 }, { type: 'BIGINT', value: '9007199254740993' }] });
  });

  it('is refused when no dimension can tell the row apart', () => {
    const spec: IngestSpec = { ...clicks, dimensionsSpec: { dimensions: [{ name: 'weight', type: 'float' }] } };
    expect(probeQuery('clicks', spec, rowOf(spec, { time: 1, weight: 2.5 }))).toEqual({ skip: expect.stringContaining('no dimension the probe can compare') });
  });

  it('quotes identifiers the SQL way', () => {
    expect(sqlIdentifier('a"b')).toBe('"a""b"');
  });
});

describe('the probe plan', () => {
  it('takes the topic, datasource and row pipeline from the spec', () => {
    const plan = probePlanOf(supervisorSpec());
    expect(plan).toMatchObject({ topic: 'clicks', datasource: 'clicks', rollup: false, ingest: { inputFormat: { type: 'json' }, timestampSpec: { column: 'time', format: 'millis' } } });
  });

  it('counts a spec that does not say rollup as rolled up, as Druid does', () => {
    expect(probePlanOf(supervisorSpec({ dataSchema: { granularitySpec: { segmentGranularity: 'hour' } } }))).toMatchObject({ rollup: true });
  });

  it('reads a legacy parser spec through its upgrade', () => {
    const imported = importStoredSpec({
      type: 'kafka',
      dataSchema: {
        dataSource: 'old',
        parser: { type: 'string', parseSpec: { format: 'json', timestampSpec: { column: 'ts', format: 'iso' }, dimensionsSpec: { dimensions: ['page'] } } },
        granularitySpec: { segmentGranularity: 'hour', rollup: false },
      },
      ioConfig: { topic: 'old', consumerProperties: { 'bootstrap.servers': 'kafka:9092' } },
    });
    expect(probePlanOf(imported.spec!)).toMatchObject({ topic: 'old', datasource: 'old', ingest: { inputFormat: { type: 'json' }, timestampSpec: { column: 'ts', format: 'iso' } } });
  });

  it('says why a topic pattern or a format the probe cannot decode is not probed', () => {
    expect(probePlanOf(supervisorSpec({ ioConfig: { topic: undefined, topicPattern: 'clicks-.*' } }))).toEqual({ skip: expect.stringContaining('topic pattern') });
    expect(probePlanOf(supervisorSpec({ ioConfig: { inputFormat: { type: 'avro_stream', avroBytesDecoder: { type: 'schema_registry', url: 'http://r:8081' } } } }))).toEqual({
      skip: expect.stringContaining('(avro_stream) is one the probe cannot decode'),
    });
  });
});

describe('where and what the probe waits for', () => {
  it('waits on every partition that has a leader, one Fetch per leader', () => {
    const byLeader = probePartitionsByLeader([
      { partition: 0, leader: 1, endOffset: '10' },
      { partition: 1, leader: 2, endOffset: '7' },
      { partition: 2, leader: 1, endOffset: '0' },
      { partition: 3, leader: null, endOffset: '5' },
      { partition: 4, leader: 2 },
    ]);
    expect([...byLeader]).toEqual([
      [
        1,
        [
          { partition: 0, fetchOffset: '10' },
          { partition: 2, fetchOffset: '0' },
        ],
      ],
      [2, [{ partition: 1, fetchOffset: '7' }]],
    ]);
  });

  it('follows the newest message first, and skips those without a Kafka timestamp', () => {
    const messages = [
      { partition: 0, offset: '5', timestamp: 1_000 },
      { partition: 1, offset: '9', timestamp: 3_000 },
      { partition: 0, offset: '6', timestamp: 2_000 },
      { partition: 2, offset: '1', timestamp: -1 },
    ];
    expect(probeCandidates(messages, 2).map((m) => m.offset)).toEqual(['9', '6']);
  });

  it('probes RUNNING supervisors due since their last probe, the longest waiting first, within the free slots', () => {
    const supervisors = [
      { id: 'a', running: true },
      { id: 'b', running: true },
      { id: 'c', running: false },
      { id: 'd', running: true },
      { id: 'e', running: true },
    ];
    const last = new Map([
      ['a', 50_000],
      ['b', 10_000],
      ['e', 20_000],
    ]);
    expect(dueForProbe(supervisors, last, new Set(['d']), 70_000, 60_000, 2)).toEqual(['b']);
    expect(dueForProbe(supervisors, last, new Set(), 80_000, 60_000, 2)).toEqual(['d', 'b']);
    expect(dueForProbe(supervisors, last, new Set(), 80_000, 60_000, 0)).toEqual([]);
  });
});
