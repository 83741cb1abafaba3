// A dashboard row from what the Overlord says about one supervisor: its entry in the state list,
// its /status report and its /stats, any of which may have failed. Pure.
import { summarizeSupervisorStatus } from '../druid/models/supervisor-summary';
import { totalSupervisorStats, type RowStatsTotals } from '../druid/models/supervisor-stats';
import type { SupervisorStateEntry, SupervisorStats, SupervisorStatus } from '../druid/schemas/supervisor';
import { lagTrend, recentLag, type LagPoint } from './lag-history';
import type { RecentError, SupervisorRow, Throughput } from './schemas';

/** The dashboard's sparkline covers this much of the lag history. */
export const SPARKLINE_WINDOW_MS = 60 * 60_000;

/** Supervisor types that read a stream; Druid also lists others (autocompact) that this dashboard is not about. */
export const STREAM_SUPERVISOR_TYPES = ['kafka', 'kinesis', 'rabbit'] as const;

export function readsAStream(entry: Pick<SupervisorStateEntry, 'type'>): boolean {
  // Druid before 31 does not say a supervisor's type; then every supervisor is a streaming one.
  return entry.type === undefined || (STREAM_SUPERVISOR_TYPES as readonly string[]).includes(entry.type);
}

export interface RowInputs {
  readonly entry: SupervisorStateEntry;
  readonly status?: SupervisorStatus;
  readonly statusError?: string;
  readonly stats?: SupervisorStats;
  readonly lagHistory: readonly LagPoint[];
}

/** Rows that failed to be read: processed with an error, unparseable, or thrown away. */
export function errorRows(counters: RowStatsTotals): number {
  return counters.processedWithError + counters.unparseable + counters.thrownAway;
}

/** 1-minute moving averages over the active tasks only, so publishing replicas do not count twice. */
export function throughputOf(stats: SupervisorStats, activeTaskIds?: readonly string[]): Throughput {
  const minute = totalSupervisorStats(stats, activeTaskIds).movingAverages['1m'];
  return { processedPerSecond: minute.processed, errorsPerSecond: errorRows(minute) };
}

export function toRecentError(error: { timestamp?: string | null; exceptionClass?: string | null; message?: string | null }): RecentError {
  return { timestamp: error.timestamp ?? null, exceptionClass: error.exceptionClass ?? null, message: error.message ?? error.exceptionClass ?? 'No message' };
}

export function dashboardRow({ entry, status, statusError, stats, lagHistory }: RowInputs): SupervisorRow {
  const history = recentLag(lagHistory, SPARKLINE_WINDOW_MS);
  const base = {
    id: entry.id,
    state: entry.state,
    detailedState: entry.detailedState,
    healthy: entry.healthy,
    suspended: entry.suspended,
    lagTrend: lagTrend(lagHistory),
    lagHistory: history,
  };
  if (!status) {
    return {
      ...base,
      datasource: null,
      topic: entry.source ?? null,
      aggregateLag: null,
      partitions: null,
      processedPerSecond: null,
      errorsPerSecond: null,
      recentErrorCount: 0,
      lastError: null,
      activeTasks: null,
      publishingTasks: null,
      problem: `Its status could not be read: ${statusError ?? 'no answer'}`,
    };
  }
  const summary = summarizeSupervisorStatus(status);
  const activeTaskIds = (status.payload.activeTasks ?? []).map((task) => task.id);
  const throughput = stats ? throughputOf(stats, activeTaskIds) : undefined;
  return {
    ...base,
    // The status report is newer than the list entry when both answered.
    state: summary.state,
    detailedState: summary.detailedState,
    healthy: summary.healthy,
    suspended: summary.suspended,
    datasource: summary.dataSource,
    topic: summary.stream ?? entry.source ?? null,
    aggregateLag: summary.aggregateLag ?? null,
    partitions: summary.partitions,
    processedPerSecond: throughput?.processedPerSecond ?? null,
    errorsPerSecond: throughput?.errorsPerSecond ?? null,
    recentErrorCount: summary.recentErrors.length,
    lastError: summary.recentErrors[0] ? toRecentError(summary.recentErrors[0]) : null,
    activeTasks: summary.activeTasks,
    publishingTasks: summary.publishingTasks,
    problem: null,
  };
}
