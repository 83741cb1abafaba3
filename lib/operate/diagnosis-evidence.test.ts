import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SupervisorStatusSchema } from '../druid/schemas/supervisor';
import { TaskReportsSchema } from '../druid/schemas/task';
import { addTotals, deletedOffsetsInErrors, firstLogError, reportParseExceptions, reportTotals } from './diagnosis-evidence';

// Answers of the local Druid 33: a running task that read malformed and late messages, and a
// supervisor resumed after Kafka's retention deleted the offsets it had stored.
const fixture = (name: string) => JSON.parse(readFileSync(path.join(__dirname, '../../testdata/diagnosis', name), 'utf8'));
const report = TaskReportsSchema.parse(fixture('druid33.task-reports.parse-exceptions.json'));
const deletedStatus = SupervisorStatusSchema.parse(fixture('druid33.supervisor-status.offsets-deleted.json')).payload;

describe("a running task's report", () => {
  it('gives its row totals', () => {
    expect(reportTotals(report)).toEqual({ processed: 3, processedWithError: 0, unparseable: 1, thrownAway: 2 });
  });

  it("gives Druid's saved parse exceptions: the input as Druid printed it and the reason", () => {
    expect(reportParseExceptions(report)).toEqual([
      { input: '{time=not a time, url=/bad}', message: 'Timestamp[not a time] is unparseable! Event: {time=not a time, url=/bad} (Record: 1)' },
    ]);
  });

  it('of a complete task counts its buildSegments phase', () => {
    const complete = TaskReportsSchema.parse({
      ingestionStatsAndErrors: { payload: { rowStats: { buildSegments: { processed: 10, processedWithError: 1, unparseable: 2, thrownAway: 3 } }, unparseableEvents: {} } },
    });
    expect(addTotals(reportTotals(report), reportTotals(complete)!)).toEqual({ processed: 13, processedWithError: 1, unparseable: 3, thrownAway: 5 });
    expect(reportParseExceptions(complete)).toEqual([]);
  });
});

describe("a supervisor's recent errors", () => {
  it('name the stored offset Kafka no longer has, per partition', () => {
    expect(deletedStatus.detailedState).toBe('UNABLE_TO_CONNECT_TO_STREAM');
    expect(deletedOffsetsInErrors(deletedStatus.recentErrors ?? [])).toEqual(new Map([[0, 5n]]));
    expect(deletedOffsetsInErrors([{ message: 'org.apache.kafka.common.errors.TimeoutException: Timeout expired' }]).size).toBe(0);
  });
});

describe("a failed task's log", () => {
  const text = (name: string) => readFileSync(path.join(__dirname, '../../testdata/druid33-tasks', name), 'utf8');

  it('has no first error when only bad rows were logged, as in a task that succeeded', () => {
    expect(firstLogError(text('log.complete.txt'))).toBeNull();
  });

  it('gives its first ERROR line with the exception named below it', () => {
    const log = [
      text('log.running.txt'),
      '2026-12-07T22:00:01,000 ERROR [task-runner-0-priority-0] org.apache.druid.indexing.seekablestream.SeekableStreamIndexTaskRunner - Encountered exception while running task.',
      'org.apache.kafka.clients.consumer.OffsetOutOfRangeException: Fetch position FetchPosition{offset=2} is out of range for partition clicks-0',
      '\tat org.apache.kafka.clients.consumer.internals.FetchCollector.handleInitializeErrors(FetchCollector.java:348)',
    ].join('\n');
    expect(firstLogError(log)).toBe(
      '2026-12-07T22:00:01,000 ERROR [task-runner-0-priority-0] org.apache.druid.indexing.seekablestream.SeekableStreamIndexTaskRunner - Encountered exception while running task. org.apache.kafka.clients.consumer.OffsetOutOfRangeException: Fetch position FetchPosition{offset=2} is out of range for partition clicks-0',
    );
  });
});
