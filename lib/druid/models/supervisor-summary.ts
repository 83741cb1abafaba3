// What the dashboard shows for one supervisor, from its /status report. Pure.
import type { SupervisorRecentError, SupervisorStatus } from '../schemas/supervisor';

export interface SupervisorSummary {
  readonly id: string;
  readonly dataSource: string;
  readonly stream?: string;
  readonly state: string;
  readonly detailedState: string;
  readonly healthy: boolean;
  readonly suspended: boolean;
  /** Total lag over all partitions, exact, as a decimal string; undefined while Druid has not measured it. */
  readonly aggregateLag?: string;
  readonly partitions: number;
  readonly activeTasks: number;
  readonly publishingTasks: number;
  readonly offsetsLastUpdated?: string;
  /** Newest first. */
  readonly recentErrors: readonly SupervisorRecentError[];
}

export function summarizeSupervisorStatus(status: SupervisorStatus): SupervisorSummary {
  const payload = status.payload;
  return {
    id: status.id,
    dataSource: payload.dataSource,
    stream: payload.stream ?? undefined,
    state: payload.state,
    detailedState: payload.detailedState,
    healthy: payload.healthy,
    suspended: payload.suspended,
    aggregateLag: payload.aggregateLag ?? sumLag(payload.minimumLag),
    partitions: payload.partitions ?? Object.keys(payload.latestOffsets ?? {}).length,
    activeTasks: payload.activeTasks?.length ?? 0,
    publishingTasks: payload.publishingTasks?.length ?? 0,
    offsetsLastUpdated: payload.offsetsLastUpdated ?? undefined,
    recentErrors: [...(payload.recentErrors ?? [])].sort((a, b) => (b.timestamp ?? '').localeCompare(a.timestamp ?? '')),
  };
}

/**
 * Older Druid reports per-partition lag but no aggregate. Summed in bigint, so a
 * lag beyond 2^53 stays exact; negative partition lags (a task ahead of the
 * offsets Druid last fetched) count as zero, as Druid's aggregate does.
 */
export function sumLag(lagByPartition: Readonly<Record<string, string>> | null | undefined): string | undefined {
  if (!lagByPartition) return undefined;
  const lags = Object.values(lagByPartition);
  if (lags.length === 0) return undefined;
  return lags.reduce((total, lag) => total + (BigInt(lag) > 0n ? BigInt(lag) : 0n), 0n).toString();
}
