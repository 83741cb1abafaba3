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

/** Druid lists versions newest first; each is compared with the one before it in time. */
export function historyWithDiffs(history: readonly SupervisorHistoryEntry[]): HistoryVersion[] {
  const versions = [...history].sort((a, b) => b.version.localeCompare(a.version));
  const specs = versions.map((entry) => canonical(entry.spec));
  return versions.map((entry, i) => {
    const spec = entry.spec as Record<string, unknown>;
    if (i === versions.length - 1) return { version: entry.version, spec, diff: null, diffProblem: null };
    const after = specs[i];
    const before = specs[i + 1];
    if (!after || !before) {
      return { version: entry.version, spec, diff: null, diffProblem: `Version ${(after ? versions[i + 1] : entry).version} is not a Kafka supervisor spec this app can read, so the change is not shown.` };
    }
    return { version: entry.version, spec, diff: diffSpecs(before, after), diffProblem: null };
  });
}
