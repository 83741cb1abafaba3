// Evidence read out of Druid's answers for a diagnosis: row counts and parse exceptions from task
// reports, and the offsets Druid names when it finds its stored ones deleted from Kafka. Pure.
import type { TaskReports } from '../druid/schemas/task';
import type { ParseExceptionEvidence, RowTotals } from './diagnosis';
import { shapeTaskReport } from './task-report';

/** A task's row totals while it builds segments, as its report gives them (running or complete). */
export function reportTotals(report: TaskReports): RowTotals | null {
  const phase = shapeTaskReport('', null, report).rowStats.find((p) => p.phase === 'buildSegments');
  return phase ? { processed: phase.processed, processedWithError: phase.processedWithError, unparseable: phase.unparseable, thrownAway: phase.thrownAway } : null;
}

export function addTotals(sum: RowTotals | null, rows: RowTotals): RowTotals {
  if (!sum) return rows;
  return {
    processed: sum.processed + rows.processed,
    processedWithError: sum.processedWithError + rows.processedWithError,
    unparseable: sum.unparseable + rows.unparseable,
    thrownAway: sum.thrownAway + rows.thrownAway,
  };
}

/** The parse exceptions a task saved: Druid keeps them only when tuningConfig.maxSavedParseExceptions is above its default of 0. */
export function reportParseExceptions(report: TaskReports): ParseExceptionEvidence[] {
  return shapeTaskReport('', null, report).parseExceptions.map((e) => ({ input: e.input, message: e.message }));
}

/**
 * Druid's words when a partition's stored offset is gone from Kafka, as its supervisor says them
 * while it keeps failing to create tasks: "Previous sequenceNumber [5] is no longer available for
 * partition [KafkaTopicPartition{partition=0, ...}]".
 */
const DELETED_OFFSET = /Previous sequenceNumber \[(\d+)\] is no longer available for partition \[(?:KafkaTopicPartition\{partition=)?(\d+)/;

export function isDeletedOffsetError(message: string | null | undefined): boolean {
  return !!message && DELETED_OFFSET.test(message);
}

/** Each partition's stored offset that Druid's recent errors say Kafka no longer has. */
export function deletedOffsetsInErrors(errors: readonly { readonly message?: string | null }[]): Map<number, bigint> {
  const offsets = new Map<number, bigint>();
  for (const e of errors) {
    const m = e.message ? DELETED_OFFSET.exec(e.message) : null;
    if (m) offsets.set(Number(m[2]), BigInt(m[1]));
  }
  return offsets;
}

const LOG_LEVEL_ERROR = /^\S+ (?:ERROR|FATAL) /;
const EXCEPTION_LINE = /^(?:Caused by: )?[a-z][\w$]*(?:\.[\w$]+)*\.[A-Z][\w$]*(?:Exception|Error)\b/;
/** Errors any task with bad rows logs while it keeps running: not why a task failed. */
const ROW_ERRORS = /ParseException|TaskRealtimeMetricsMonitor - \[\d+\] unparseable events/;

/** The first ERROR line of a task's log that is not about a bad row, with the exception it names on the next line. */
export function firstLogError(log: string): string | null {
  const lines = log.split('\n').map((line) => line.trimEnd());
  const at = lines.findIndex((line) => (LOG_LEVEL_ERROR.test(line) || EXCEPTION_LINE.test(line)) && !ROW_ERRORS.test(line));
  if (at < 0) return null;
  const next = lines[at + 1] ?? '';
  const line = LOG_LEVEL_ERROR.test(lines[at]) && EXCEPTION_LINE.test(next) ? `${lines[at]} ${next}` : lines[at];
  return line.slice(0, 500);
}
