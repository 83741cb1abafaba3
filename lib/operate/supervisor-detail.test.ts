import { describe, expect, it } from 'vitest';
import { fixtureJson } from '../druid/testing/fixtures';
import { SupervisorHistorySchema, SupervisorStatusSchema, type SupervisorHistoryEntry } from '../druid/schemas/supervisor';
import { TaskListSchema } from '../druid/schemas/task';
import { historyWithDiffs, isTerminationEntry, partitionRows, taskRows } from './supervisor-detail';

const status = SupervisorStatusSchema.parse(fixtureJson('overlord.supervisor.status.response.json'));

describe('partitionRows', () => {
  it('lists each partition with current offset, latest offset and lag', () => {
    expect(partitionRows(status.payload)).toEqual([
      { partition: '0', currentOffset: '3296632', latestOffset: '3296635', lag: '3', taskId: 'index_kafka_social_media_ab72ae4127c591c_flcbhdlh' },
    ]);
  });

  it('orders partitions numerically and keeps offsets beyond 2^53 exact', () => {
    const payload = SupervisorStatusSchema.parse({
      id: 'big',
      payload: {
        ...status.payload,
        activeTasks: [{ id: 't', currentOffsets: { '10': 1n, '2': 9007199254740993n } }],
        latestOffsets: { '10': 5n, '2': 9007199254740999n },
        minimumLag: undefined,
      },
    }).payload;
    expect(partitionRows(payload)).toEqual([
      { partition: '2', currentOffset: '9007199254740993', latestOffset: '9007199254740999', lag: '6', taskId: 't' },
      { partition: '10', currentOffset: '1', latestOffset: '5', lag: '4', taskId: 't' },
    ]);
  });
});

describe('taskRows', () => {
  it('shows active tasks with their start time and how long they have run, then recent ingestion tasks', () => {
    const listed = TaskListSchema.parse([
      { id: 'index_kafka_social_media_ab72ae4127c591c_flcbhdlh', type: 'index_kafka', statusCode: 'RUNNING', location: { host: 'mm1', port: 8100 } },
      { id: 'index_kafka_old', type: 'index_kafka', statusCode: 'FAILED', createdTime: '2023-07-05T20:00:00Z', duration: 1200, errorMsg: 'boom' },
      { id: 'compact_x', type: 'compact', statusCode: 'SUCCESS', createdTime: '2023-07-05T21:00:00Z' },
    ]);
    const now = Date.parse('2023-07-05T23:24:39.321Z');
    expect(taskRows(status.payload, listed, now)).toEqual([
      {
        id: 'index_kafka_social_media_ab72ae4127c591c_flcbhdlh',
        role: 'active',
        status: 'RUNNING',
        startTime: '2023-07-05T23:21:39.321Z',
        durationMs: 180_000,
        remainingSeconds: 3415,
        location: 'mm1:8100',
        errorMsg: null,
      },
      { id: 'index_kafka_old', role: 'other', status: 'FAILED', startTime: '2023-07-05T20:00:00Z', durationMs: 1200, remainingSeconds: null, location: null, errorMsg: 'boom' },
    ]);
  });
});

describe('historyWithDiffs', () => {
  const spec = (taskCount: number, suspended = false) => ({
    type: 'kafka',
    spec: {
      dataSchema: { dataSource: 'clicks', timestampSpec: { column: 'time', format: 'iso' }, dimensionsSpec: { dimensions: ['url'] }, granularitySpec: { segmentGranularity: 'hour' } },
      ioConfig: { type: 'kafka', topic: 'clicks', inputFormat: { type: 'json' }, consumerProperties: { 'bootstrap.servers': 'k:9092' }, taskCount },
      tuningConfig: { type: 'kafka' },
    },
    suspended,
  });
  const history: SupervisorHistoryEntry[] = [
    { version: '2024-01-01T00:00:00Z', spec: spec(1) },
    { version: '2024-01-03T00:00:00Z', spec: spec(2, true) },
    { version: '2024-01-02T00:00:00Z', spec: spec(2) },
  ];

  it('lists versions newest first, each with what it changed from the one before', () => {
    const versions = historyWithDiffs(history);
    expect(versions.map((v) => v.version)).toEqual(['2024-01-03T00:00:00Z', '2024-01-02T00:00:00Z', '2024-01-01T00:00:00Z']);
    expect(versions[0].diff?.groups.other.map((c) => [c.pathText, c.from, c.to])).toEqual([['suspended', false, true]]);
    expect(versions[1].diff?.groups.ioConfig.map((c) => [c.pathText, c.from, c.to])).toEqual([['spec.ioConfig.taskCount', 1, 2]]);
    expect(versions[2].diff).toBeNull();
  });

  it("shows Druid 33's history as it happened: a terminate is an entry of its own, diffs show only real changes", () => {
    const history = SupervisorHistorySchema.parse(fixtureJson('real/overlord.supervisor.history.druid33.response.json'));
    const versions = historyWithDiffs(history);
    expect(versions.map((v) => v.terminated)).toEqual([false, true, false, false]);
    // Submitted again after the terminate: compared with the spec that ran before it.
    expect(versions[0].diff?.equivalent).toBe(true);
    expect(versions[1]).toMatchObject({ diff: null, diffProblem: null });
    expect(Object.values(versions[2].diff!.groups).flat().map((c) => [c.pathText, c.from, c.to])).toEqual([['spec.ioConfig.taskCount', 1, 2]]);
    expect(versions[3]).toMatchObject({ diff: null, diffProblem: null, terminated: false });
    // Specs are shown without Druid's nulls and copies.
    expect(JSON.stringify(versions[2].spec)).not.toContain('null');
    expect(versions[2].spec).not.toHaveProperty('dataSchema');
  });

  it('tells a terminate entry by its type, whichever of its two "type" keys was kept', () => {
    expect(isTerminationEntry({ type: 'noop', id: null, dataSources: ['clicks'] })).toBe(true);
    expect(isTerminationEntry({ type: 'NoopSupervisorSpec' })).toBe(true);
    expect(isTerminationEntry({ type: 'kafka' })).toBe(false);
    expect(isTerminationEntry(null)).toBe(false);
  });

  it('says so when a version cannot be compared', () => {
    const versions = historyWithDiffs([{ version: '2', spec: spec(1) }, { version: '1', spec: { type: 'kinesis' } }]);
    expect(versions[0]).toMatchObject({ diff: null, diffProblem: 'Version 1 is not a Kafka supervisor spec this app can read, so the change is not shown.' });
  });
});
