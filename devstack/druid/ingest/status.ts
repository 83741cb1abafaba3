// The Overlord's reports about a supervisor: status payload, stats, state row and sys tables.
import type { SysSupervisorRow, SysTaskRow } from '../contract';
import type { Supervisor } from './supervisor';
import type { IndexTask } from './tasks';

const offsetsObject = (offsets: ReadonlyMap<number, bigint>) => Object.fromEntries([...offsets].sort(([a], [b]) => a - b).map(([p, o]) => [String(p), o]));

function lagOf(supervisor: Supervisor, partitions?: readonly number[]): Map<number, bigint> {
  const lag = new Map<number, bigint>();
  for (const [partition, latest] of supervisor.latestOffsets) {
    if (partitions && !partitions.includes(partition)) continue;
    const current = supervisor.currentOffsets().get(partition);
    if (current !== undefined) lag.set(partition, latest - current);
  }
  return lag;
}

function taskEntry(supervisor: Supervisor, task: IndexTask, now: number): Record<string, unknown> {
  const partitions = [...supervisor.currentOffsets().keys()].filter((partition) => supervisor.taskGroupOf(partition) === task.taskGroup);
  const current = new Map([...supervisor.currentOffsets()].filter(([partition]) => partitions.includes(partition)));
  return {
    id: task.id,
    startingOffsets: offsetsObject(task.startingOffsets),
    startTime: new Date(task.createdAt).toISOString(),
    remainingSeconds: task.remainingSeconds(now),
    type: 'ACTIVE',
    currentOffsets: offsetsObject(current),
    lag: offsetsObject(lagOf(supervisor, partitions)),
  };
}

/** GET /supervisor/{id}/status: `{id, generationTime, payload}` as Druid reports it. */
export function statusReport(supervisor: Supervisor, now = Date.now()): Record<string, unknown> {
  const lag = lagOf(supervisor);
  let aggregateLag = 0n;
  for (const value of lag.values()) if (value > 0n) aggregateLag += value;
  const spec = supervisor.spec;
  return {
    id: spec.id,
    generationTime: new Date(now).toISOString(),
    payload: {
      dataSource: spec.dataSource,
      stream: spec.topic,
      partitions: supervisor.latestOffsets.size,
      replicas: 1,
      durationSeconds: Math.round(spec.taskDurationMs / 1000),
      activeTasks: supervisor.activeTasks().map((task) => taskEntry(supervisor, task, now)),
      publishingTasks: [],
      latestOffsets: offsetsObject(supervisor.latestOffsets),
      minimumLag: offsetsObject(lag),
      aggregateLag,
      offsetsLastUpdated: supervisor.offsetsLastUpdated === null ? null : new Date(supervisor.offsetsLastUpdated).toISOString(),
      suspended: supervisor.suspended,
      healthy: supervisor.healthy,
      state: supervisor.state,
      detailedState: supervisor.detailedState,
      recentErrors: supervisor.recentErrors(),
    },
  };
}

/** GET /supervisor/{id}/stats: `{taskGroup: {taskId: {movingAverages, totals}}}`. */
export function statsReport(supervisor: Supervisor): Record<string, Record<string, unknown>> {
  const report: Record<string, Record<string, unknown>> = {};
  for (const task of supervisor.activeTasks()) {
    report[String(task.taskGroup)] = { ...(report[String(task.taskGroup)] ?? {}), [task.id]: task.stats.report() };
  }
  return report;
}

export function stateRow(supervisor: Supervisor): Record<string, unknown> {
  return { id: supervisor.spec.id, state: supervisor.state, detailedState: supervisor.detailedState, healthy: supervisor.healthy, suspended: supervisor.suspended };
}

export function sysSupervisorRow(supervisor: Supervisor): SysSupervisorRow {
  return {
    supervisor_id: supervisor.spec.id,
    state: supervisor.state,
    detailed_state: supervisor.detailedState,
    healthy: supervisor.healthy ? 1 : 0,
    type: 'kafka',
    source: supervisor.spec.topic,
    suspended: supervisor.suspended ? 1 : 0,
    spec: JSON.stringify(supervisor.spec.echo),
  };
}

export function sysTaskRow(task: IndexTask): SysTaskRow {
  const status = task.statusObject() as Record<string, unknown> & { location: { host: string | null; port: number; tlsPort: number } };
  return {
    task_id: task.id,
    group_id: task.groupId,
    type: 'index_kafka',
    datasource: task.dataSource,
    created_time: String(status.createdTime),
    queue_insertion_time: String(status.queueInsertionTime),
    status: task.status,
    runner_status: String(status.runnerStatusCode),
    duration: Number(status.duration),
    location: status.location.host === null ? null : `${status.location.host}:${status.location.port}`,
    host: status.location.host,
    plaintext_port: status.location.port,
    tls_port: status.location.tlsPort,
    error_msg: task.errorMsg,
  };
}
