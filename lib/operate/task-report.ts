// A task's report as the status page shows it: where the task stands, its row counts per phase
// and the parse exceptions Druid saved, from the Overlord's status and ingestionStatsAndErrors
// report (docs/ingestion/tasks.md, "Task reports").
import { z } from 'zod';
import type { TaskReports, TaskStatusPlus } from '../druid/schemas/task';

/** Druid's task ids: letters, digits and `_ - . :` (ids of batch tasks carry timestamps). */
export const TASK_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,255}$/;
export const TaskIdSchema = z
  .string()
  .regex(TASK_ID_PATTERN, 'a Druid task id has only letters, digits and _ - . :')
  // "." and ".." would name another path of Druid's API.
  .refine((id) => !/^\.+$/.test(id), 'a Druid task id is more than dots');

export const TaskPhaseRowStatsSchema = z.object({
  /** Druid's phase: buildSegments for streaming tasks; batch tasks add determinePartitions. */
  phase: z.string(),
  processed: z.number(),
  /** Absent from reports of Druids before processedBytes was counted. */
  processedBytes: z.number().nullable(),
  processedWithError: z.number(),
  thrownAway: z.number(),
  unparseable: z.number(),
});
export type TaskPhaseRowStats = z.infer<typeof TaskPhaseRowStatsSchema>;

export const ParseExceptionSchema = z.object({
  phase: z.string(),
  /** When Druid met the row, ISO time; null when Druid did not say. */
  time: z.string().nullable(),
  /** unparseable or processedWithError, as Druid classed it; null when Druid did not say. */
  errorType: z.string().nullable(),
  message: z.string(),
  /** The offending input as Druid saved it; null when Druid kept none. */
  input: z.string().nullable(),
});
export type ParseException = z.infer<typeof ParseExceptionSchema>;

/** GET /api/tasks/{taskId}/report */
export const TaskReportSchema = z.object({
  taskId: z.string(),
  datasource: z.string().nullable(),
  type: z.string().nullable(),
  /** RUNNING, SUCCESS or FAILED (Druid's statusCode); null when Druid did not say. */
  status: z.string().nullable(),
  running: z.boolean(),
  /** host:port of the process running the task, while it runs. */
  location: z.string().nullable(),
  /** Druid's ingestionState: NOT_STARTED, DETERMINE_PARTITIONS, BUILD_SEGMENTS, COMPLETED. */
  ingestionState: z.string().nullable(),
  errorMsg: z.string().nullable(),
  /** Row counts per phase: totals so far while the task runs, final ones after. */
  rowStats: z.array(TaskPhaseRowStatsSchema),
  parseExceptions: z.array(ParseExceptionSchema),
  /** Why there is no report to show (a task that has not started, or one Druid kept none for); null when there is one. */
  reportMissing: z.string().nullable(),
});
export type TaskReport = z.infer<typeof TaskReportSchema>;

export const NO_REPORT_YET =
  'Druid has no report for this task yet: a task serves its report once its process has started, and a task that failed at its start has none (its log says why).';

/** The report for `taskId` from Druid's status (null when Druid does not list it) and reports (null when it has none). */
export function shapeTaskReport(taskId: string, status: TaskStatusPlus | null | undefined, reports: TaskReports | null): TaskReport {
  const code = status?.statusCode ?? status?.status ?? null;
  const payload = reports?.ingestionStatsAndErrors?.payload;
  const host = status?.location?.host;
  return {
    taskId,
    datasource: status?.dataSource ?? null,
    type: status?.type ?? null,
    status: code,
    running: code === 'RUNNING',
    location: host && status?.location && status.location.port > 0 ? `${host}:${status.location.port}` : null,
    ingestionState: payload?.ingestionState ?? null,
    errorMsg: payload?.errorMsg ?? status?.errorMsg ?? null,
    rowStats: payload?.rowStats ? phaseRowStats(payload.rowStats) : [],
    parseExceptions: payload?.unparseableEvents ? parseExceptions(payload.unparseableEvents) : [],
    reportMissing: payload ? null : NO_REPORT_YET,
  };
}

type ReportRowStats = NonNullable<NonNullable<NonNullable<TaskReports['ingestionStatsAndErrors']>['payload']>['rowStats']>;
type PhaseCounts = { processed: number; processedBytes?: number; processedWithError: number; thrownAway: number; unparseable: number };

/** A running task reports `totals` (and moving averages); a finished one reports each phase's counts directly. */
function phaseRowStats(rowStats: ReportRowStats): TaskPhaseRowStats[] {
  const phases = ('totals' in rowStats && isRecord(rowStats.totals) ? rowStats.totals : rowStats) as Record<string, PhaseCounts | undefined>;
  return Object.entries(phases)
    .filter((entry): entry is [string, PhaseCounts] => isRecord(entry[1]) && typeof entry[1].processed === 'number')
    .map(([phase, counts]) => ({
      phase,
      processed: counts.processed,
      processedBytes: counts.processedBytes ?? null,
      processedWithError: counts.processedWithError,
      thrownAway: counts.thrownAway,
      unparseable: counts.unparseable,
    }));
}

/** Druid saves parse exceptions per phase, newest first: as objects (input, details, time) or, in older Druids, as plain messages. */
function parseExceptions(events: Record<string, unknown>): ParseException[] {
  return Object.entries(events).flatMap(([phase, list]) => (Array.isArray(list) ? list.map((event) => parseException(phase, event)) : []));
}

function parseException(phase: string, event: unknown): ParseException {
  if (!isRecord(event)) return { phase, time: null, errorType: null, message: String(event), input: null };
  const details = Array.isArray(event.details) ? event.details.map(String) : event.details !== undefined ? [String(event.details)] : [];
  const message = details.length > 0 ? details.join('; ') : typeof event.message === 'string' ? event.message : JSON.stringify(event);
  const millis = Number(event.timeOfExceptionMillis);
  return {
    phase,
    time: Number.isFinite(millis) && millis > 0 ? new Date(millis).toISOString() : null,
    errorType: typeof event.errorType === 'string' ? event.errorType : null,
    message,
    input: event.input === undefined || event.input === null ? null : typeof event.input === 'string' ? event.input : JSON.stringify(event.input),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
