// Evidence read out of Druid's answers for a diagnosis: row counts and parse exceptions from task
// reports, and the offsets Druid names when it finds its stored ones deleted from Kafka. Pure.
import type { TaskReports } from '../druid/schemas/task';
import type { ParseExceptionEvidence, RowTotals } from './diagnosis';

/** A task's row totals: running tasks report movingAverages and totals, complete ones one RowStats per phase. */
export function reportTotals(report: TaskReports): RowTotals | null {
  const stats = report.ingestionStatsAndErrors?.payload.rowStats;
  if (!stats) return null;
  const rows = 'totals' in stats && stats.totals && typeof stats.totals === 'object' ? (stats.totals as { buildSegments?: RowTotals }).buildSegments : (stats as Record<string, RowTotals | undefined>).buildSegments;
  return rows ? { processed: rows.processed, processedWithError: rows.processedWithError, unparseable: rows.unparseable, thrownAway: rows.thrownAway } : null;
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

/**
 * Druid's ParseExceptionReports (input, errorType, details, timeOfExceptionMillis) per phase. Druid
 * keeps them only when tuningConfig.maxSavedParseExceptions is above its default of 0.
 */
export function reportParseExceptions(report: TaskReports): ParseExceptionEvidence[] {
  const events = report.ingestionStatsAndErrors?.payload.unparseableEvents ?? {};
  const found: ParseExceptionEvidence[] = [];
  for (const list of Object.values(events)) {
    if (!Array.isArray(list)) continue;
    for (const item of list as unknown[]) {
      if (typeof item === 'string') found.push({ input: null, message: item });
      else if (item && typeof item === 'object') {
        const e = item as { input?: unknown; details?: unknown; message?: unknown; errorType?: unknown };
        const details = Array.isArray(e.details) ? e.details.filter((d): d is string => typeof d === 'string') : [];
        const message = details.join('; ') || (typeof e.message === 'string' ? e.message : typeof e.errorType === 'string' ? e.errorType : 'unparseable');
        found.push({ input: typeof e.input === 'string' ? e.input : e.input === undefined || e.input === null ? null : JSON.stringify(e.input), message });
      }
    }
  }
  return found;
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
