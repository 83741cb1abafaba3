// The parts of a supervisor's status page derived from Overlord answers: per-partition offsets,
// its tasks, and its spec history with what each version changed. Pure.
import type { SupervisorHistoryEntry, SupervisorStatusPayload, SupervisorTaskReport } from '../druid/schemas/supervisor';
import type { TaskStatusPlus } from '../druid/schemas/task';
import { diffSpecs } from '../spec/diff-spec';
import { importStoredSpec } from '../spec/stored-spec';
import type { SupervisorSpec } from '../spec/supervisor-spec';
import type { HistoryVersion, PartitionRow, TaskRow } from './schemas';

/** Complete tasks shown beside the running ones: enough to see recent failures, not a task archive. */
export const RECENT_COMPLETE_TASKS = 10;

const byPartition = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

export function partitionRows(payload: SupervisorStatusPayload): PartitionRow[] {
  const current = new Map<string, { offset: string; taskId: string }>();
  // Publishing tasks first, so an active task's newer offsets win for partitions both report.
  for (const task of [...(payload.publishingTasks ?? []), ...(payload.activeTasks ?? [])]) {
    for (const [partition, offset] of Object.entries(task.currentOffsets ?? {})) current.set(partition, { offset, taskId: task.id });
  }
  const latest = payload.latestOffsets ?? {};
  const lag = payload.minimumLag ?? {};
  const partitions = [...new Set([...Object.keys(latest), ...Object.keys(lag), ...current.keys()])].sort(byPartition);
  return partitions.map((partition) => {
    const here = current.get(partition);
    const latestOffset = latest[partition] ?? null;
    const computed = here && latestOffset !== null ? (BigInt(latestOffset) - BigInt(here.offset)).toString() : null;
    return { partition, currentOffset: here?.offset ?? null, latestOffset, lag: lag[partition] ?? computed, taskId: here?.taskId ?? null };
  });
}

function location(task: TaskStatusPlus | undefined): string | null {
  const where = task?.location;
  return where?.host ? `${where.host}:${where.port}` : null;
}

function fromReport(report: SupervisorTaskReport, role: 'active' | 'publishing', listed: TaskStatusPlus | undefined, now: number): TaskRow {
  const started = report.startTime ?? listed?.createdTime ?? null;
  const startMs = started ? Date.parse(started) : NaN;
  return {
    id: report.id,
    role,
    status: listed?.statusCode ?? listed?.status ?? 'RUNNING',
    startTime: started,
    durationMs: Number.isNaN(startMs) ? null : Math.max(0, now - startMs),
    remainingSeconds: report.remainingSeconds ?? null,
    location: location(listed),
    errorMsg: listed?.errorMsg ?? null,
  };
}

/** Active and publishing tasks from the status report, then the most recent other tasks of the datasource. */
export function taskRows(payload: SupervisorStatusPayload, listed: readonly TaskStatusPlus[], now: number): TaskRow[] {
  const byId = new Map(listed.map((task) => [task.id, task]));
  const active = (payload.activeTasks ?? []).map((task) => fromReport(task, 'active', byId.get(task.id), now));
  const publishing = (payload.publishingTasks ?? []).map((task) => fromReport(task, 'publishing', byId.get(task.id), now));
  const shown = new Set([...active, ...publishing].map((task) => task.id));
  const others = listed
    // The datasource's other tasks (compaction, queries) are not this supervisor's.
    .filter((task) => !shown.has(task.id) && (!task.type || task.type.startsWith('index_kafka')))
    .sort((a, b) => (b.createdTime ?? '').localeCompare(a.createdTime ?? ''))
    .slice(0, RECENT_COMPLETE_TASKS)
    .map(
      (task): TaskRow => ({
        id: task.id,
        role: 'other',
        status: task.statusCode ?? task.status ?? null,
        startTime: task.createdTime ?? null,
        // Druid reports -1 while a task runs.
        durationMs: task.duration !== undefined && task.duration !== null && task.duration >= 0 ? task.duration : null,
        remainingSeconds: null,
        location: location(task),
        errorMsg: task.errorMsg ?? null,
      }),
    );
  return [...active, ...publishing, ...others];
}

function canonical(spec: unknown): SupervisorSpec | undefined {
  return importStoredSpec(spec).spec;
}

/**
 * Druid's tombstone for a terminate: a NoopSupervisorSpec, whose type reads "noop" (its own
 * "type" property, written after the type id "NoopSupervisorSpec" in the same object).
 */
export function isTerminationEntry(spec: unknown): boolean {
  const type = (spec as { type?: unknown } | null)?.type;
  return type === 'noop' || type === 'NoopSupervisorSpec';
}

/**
 * Druid lists versions newest first; each is compared with the spec before it in time. A
 * terminate is an entry of its own, and a spec submitted after it is compared with the one
 * that ran before the terminate.
 */
export function historyWithDiffs(history: readonly SupervisorHistoryEntry[]): HistoryVersion[] {
  const versions = [...history].sort((a, b) => b.version.localeCompare(a.version));
  const terminated = versions.map((entry) => isTerminationEntry(entry.spec));
  const specs = versions.map((entry, i) => (terminated[i] ? undefined : canonical(entry.spec)));
  return versions.map((entry, i) => {
    const after = specs[i];
    // Shown as read, without Druid's nulls and filled-in defaults when it is a spec this app reads.
    const spec = (after ?? entry.spec) as Record<string, unknown>;
    const base = { version: entry.version, spec, terminated: terminated[i] };
    const previous = versions.findIndex((_, j) => j > i && !terminated[j]);
    if (terminated[i] || previous < 0) return { ...base, diff: null, diffProblem: null };
    const before = specs[previous];
    if (!after || !before) {
      return { ...base, diff: null, diffProblem: `Version ${(after ? versions[previous] : entry).version} is not a Kafka supervisor spec this app can read, so the change is not shown.` };
    }
    return { ...base, diff: diffSpecs(before, after), diffProblem: null };
  });
}
