// A task's report as the status page shows it, from answers recorded from Druid 33 (testdata/druid33-tasks).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDruidJson } from '../druid/json';
import { TaskReportsSchema, TaskStatusResponseSchema } from '../druid/schemas/task';
import { NO_REPORT_YET, shapeTaskReport, TaskIdSchema, TaskReportSchema } from './task-report';

const recorded = (name: string) => parseDruidJson(readFileSync(path.resolve(__dirname, '../../testdata/druid33-tasks', name), 'utf8'), { bigIntegers: 'string' });
const status = (name: string) => TaskStatusResponseSchema.parse(recorded(name)).status;
const reports = (name: string) => TaskReportsSchema.parse(recorded(name));
const TASK = 'index_kafka_tasks-capture-mxdt4jfg_6c7f65e823749f7_lfjilini';

describe('shapeTaskReport', () => {
  it("shows a running task's totals so far, where it runs, and the malformed messages it met", () => {
    const report = TaskReportSchema.parse(shapeTaskReport(TASK, status('status.running.json'), reports('report.running.json')));
    expect(report).toMatchObject({ taskId: TASK, datasource: 'tasks-capture-mxdt4jfg', type: 'index_kafka', status: 'RUNNING', running: true, location: '127.0.0.1:38202', reportMissing: null });
    expect(report.rowStats).toEqual([{ phase: 'buildSegments', processed: 20, processedBytes: 1576, processedWithError: 0, thrownAway: 0, unparseable: 3 }]);
    expect(report.parseExceptions.map((event) => event.input)).toEqual(['{"broken": ', '{time=yesterday-ish, url=/bad}', 'not json at all']);
    expect(report.parseExceptions[1]).toMatchObject({ phase: 'buildSegments', errorType: 'unparseable', message: 'Timestamp[yesterday-ish] is unparseable! Event: {time=yesterday-ish, url=/bad} (Record: 1)' });
    expect(report.parseExceptions[0].time).toBe(new Date(1796680429496).toISOString());
  });

  it("shows a finished task's final counts per phase and its ingestion state", () => {
    const report = shapeTaskReport(TASK, status('status.complete.json'), reports('report.complete.json'));
    expect(report).toMatchObject({ status: 'SUCCESS', running: false, ingestionState: 'COMPLETED', errorMsg: null });
    expect(report.rowStats).toEqual([{ phase: 'buildSegments', processed: 20, processedBytes: 1576, processedWithError: 0, thrownAway: 0, unparseable: 3 }]);
    expect(report.parseExceptions).toHaveLength(3);
  });

  it('says why there is no report for a task that failed at its start, with its error', () => {
    const failed = { ...status('status.complete.json')!, statusCode: 'FAILED', status: 'FAILED', errorMsg: 'java.lang.IllegalArgumentException' };
    const report = shapeTaskReport(TASK, failed, null);
    expect(report).toMatchObject({ status: 'FAILED', running: false, errorMsg: 'java.lang.IllegalArgumentException', rowStats: [], parseExceptions: [], reportMissing: NO_REPORT_YET });
  });

  it('reads parse exceptions older Druids saved as plain messages, and several phases', () => {
    const report = shapeTaskReport(TASK, null, {
      ingestionStatsAndErrors: {
        payload: {
          ingestionState: 'COMPLETED',
          unparseableEvents: { determinePartitions: ['Unable to parse row [x]'], buildSegments: [] },
          rowStats: { determinePartitions: { processed: 5, processedWithError: 0, thrownAway: 1, unparseable: 1 }, buildSegments: { processed: 4, processedWithError: 1, thrownAway: 0, unparseable: 0 } },
        },
      },
    });
    expect(report.parseExceptions).toEqual([{ phase: 'determinePartitions', time: null, errorType: null, message: 'Unable to parse row [x]', input: null }]);
    expect(report.rowStats.map((row) => [row.phase, row.processed, row.processedBytes])).toEqual([['determinePartitions', 5, null], ['buildSegments', 4, null]]);
    expect(report).toMatchObject({ status: null, datasource: null, location: null });
  });
});

describe('TaskIdSchema', () => {
  it("takes Druid's task ids, batch ones with timestamps too", () => {
    expect(TaskIdSchema.safeParse(TASK).success).toBe(true);
    expect(TaskIdSchema.safeParse('index_parallel_wiki_2024-01-01T00:00:00.000Z').success).toBe(true);
  });

  it('turns down ids with slashes, spaces or dots only a path would take', () => {
    for (const id of ['../status', '..', '.', 'a/b', 'task one', '', 'x'.repeat(256)]) expect(TaskIdSchema.safeParse(id).success, id).toBe(false);
  });
});
