// The collector: every interval, whether or not anyone is watching, one sample of every streaming
// supervisor goes into the store — state, health, lag and time lag from Kafka, row rates, tasks.
// Instances sharing a store take turns under one lease: one collects, all read. After each round
// the work that follows (alerts, freshness) gets what was gathered; every few minutes the history
// is downsampled and trimmed to its retention.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { getConfig } from '@/lib/config';
import { totalSupervisorStats, type SupervisorFullEntry, type SupervisorStats, type SupervisorStatus, type TaskStatusPlus } from '@/lib/druid';
import { readsAStream, type LagReport } from '@/lib/operate';
import { metricPointOf, rowRates, type RowCounts, type RowTotalsReading } from '@/lib/operate/metrics-history';
import { holdLease, type MetricsRow, type StoreTables } from '@/lib/store';
import { insertMetrics, maintainMetrics } from '@/lib/store/metrics';
import { store } from './audit';
import type { AfterCollect, CollectedSupervisor, Collection } from './collected';
import { druid } from './druid';
import { readLags } from './lag';
import { describeFailure, mapBounded, STATUS_TIMEOUT_MS } from './operate';

const LEASE_NAME = 'collector';
const LIST_TIMEOUT_MS = 8_000;
const TASKS_TIMEOUT_MS = 8_000;
/** Status and stats calls in flight against the Overlord at once. */
const COLLECT_CONCURRENCY = 6;
/** A task counts as failed in a sample when it failed within this long before it. */
export const FAILED_TASK_WINDOW_MS = 3_600_000;
/** Kafka tasks run for taskDuration (PT1H by default) and then publish: ones created this long ago may have just failed. */
const TASK_LOOKBACK_MS = 6 * 3_600_000;
/** How often the holder folds aged samples into coarser points and deletes what is past retention. */
const MAINTENANCE_EVERY_MS = 5 * 60_000;
/** A bucket is folded this long after it ends, so a round that began inside it has been stored. */
const MAINTENANCE_GRACE_MS = 2 * 60_000;

type Db = Kysely<StoreTables>;

/** What one instance's collector remembers between rounds. */
interface CollectorMemory {
  previousTotals: Map<string, RowTotalsReading>;
  lastMaintenanceAt: number;
}

const settle = async <T>(promise: Promise<T>): Promise<{ value?: T; error?: string }> => {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: describeFailure(error) };
  }
};

const fromSpec = (entry: SupervisorFullEntry, section: 'dataSchema' | 'ioConfig', key: string): string | null => {
  const nested = entry.spec.spec as Record<string, Record<string, unknown> | undefined> | undefined;
  const value = nested?.[section]?.[key] ?? (entry.spec[section] as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : null;
};

/** Tasks of each datasource that failed within FAILED_TASK_WINDOW_MS of `now`. */
export function failedTasksByDatasource(tasks: readonly TaskStatusPlus[], now: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of tasks) {
    if ((task.statusCode ?? task.status) !== 'FAILED' || !task.dataSource || !task.createdTime) continue;
    const endedAt = Date.parse(task.createdTime) + Math.max(0, task.duration ?? 0);
    if (endedAt < now - FAILED_TASK_WINDOW_MS) continue;
    counts.set(task.dataSource, (counts.get(task.dataSource) ?? 0) + 1);
  }
  return counts;
}

const countsOf = (totals: RowCounts): RowCounts => ({ processed: totals.processed, processedWithError: totals.processedWithError, unparseable: totals.unparseable, thrownAway: totals.thrownAway });

function sampleOf(input: {
  entry: SupervisorFullEntry;
  at: string;
  status: SupervisorStatus | undefined;
  rates: RowCounts | null;
  lag: LagReport | undefined;
  failedTasks: number | null;
}): MetricsRow {
  const { entry, status, rates, lag } = input;
  const payload = status?.payload;
  const tasks = payload ? (payload.activeTasks?.length ?? 0) + (payload.publishingTasks?.length ?? 0) : null;
  return {
    supervisorId: entry.id,
    stepS: 0,
    at: input.at,
    state: payload?.state ?? entry.state,
    healthy: (payload?.healthy ?? entry.healthy) ? 1 : 0,
    // Kafka's view when it could be read; Druid's own figure otherwise.
    totalLag: lag?.totalLag ?? (payload?.aggregateLag === undefined || payload?.aggregateLag === null ? null : String(payload.aggregateLag)),
    maxTimeLagMs: lag?.maxTimeLagMs ?? null,
    processedPerSec: rates?.processed ?? null,
    unparseablePerSec: rates?.unparseable ?? null,
    thrownAwayPerSec: rates?.thrownAway ?? null,
    withErrorPerSec: rates?.processedWithError ?? null,
    producedPerSec: lag?.producedPerSec ?? null,
    consumedPerSec: lag?.consumedPerSec ?? null,
    tasks,
    failedTasks: input.failedTasks,
    partitions: lag ? JSON.stringify(lag.partitions) : null,
  };
}

async function gather(memory: CollectorMemory, db: Db, now: number): Promise<Collection> {
  const client = druid();
  const at = new Date(now).toISOString();
  const entries = (await client.supervisors.listFull({ timeoutMs: LIST_TIMEOUT_MS })).filter(readsAStream);
  const interval = `${new Date(now - TASK_LOOKBACK_MS).toISOString()}/${new Date(now + 60_000).toISOString()}`;
  const [reads, completeTasks] = await Promise.all([
    mapBounded(entries, COLLECT_CONCURRENCY, async (entry) => {
      const options = { timeoutMs: STATUS_TIMEOUT_MS };
      const [status, stats] = await Promise.all([settle<SupervisorStatus>(client.supervisors.status(entry.id, options)), settle<SupervisorStats>(client.supervisors.stats(entry.id, options))]);
      return { entry, status: status.value, stats: stats.value, statsReadAt: Date.now() };
    }),
    // One list for the round, not one per supervisor.
    settle(client.tasks.list({ state: 'complete', createdTimeInterval: interval }, { timeoutMs: TASKS_TIMEOUT_MS })),
  ]);
  if (completeTasks.error) console.error(`Tributary's collector could not read Druid's task list, so failed tasks are not counted this round: ${completeTasks.error}`);
  const failed = completeTasks.value ? failedTasksByDatasource(completeTasks.value, now) : undefined;

  const withStatus = reads.filter((read): read is typeof read & { status: SupervisorStatus } => read.status !== undefined);
  let lags = new Map<string, LagReport>();
  try {
    lags = await readLags(withStatus.map((read) => ({ id: read.entry.id, status: read.status.payload })), now);
  } catch (error) {
    console.error(`Tributary's collector could not read lag from Kafka this round: ${describeFailure(error)}`);
  }

  const supervisors: CollectedSupervisor[] = [];
  const rows: MetricsRow[] = [];
  const nextTotals = new Map<string, RowTotalsReading>();
  for (const { entry, status, stats, statsReadAt } of reads) {
    let rates: RowCounts | null = null;
    if (stats) {
      const taskIds = status ? (status.payload.activeTasks ?? []).map((task) => task.id) : Object.values(stats).flatMap((group) => Object.keys(group));
      const totals = totalSupervisorStats(stats, taskIds);
      const reading = { atMs: statsReadAt, taskIds, totals: countsOf(totals.totals) };
      rates = rowRates(reading, memory.previousTotals.get(entry.id), countsOf(totals.movingAverages['1m']));
      nextTotals.set(entry.id, reading);
    }
    const datasource = status?.payload.dataSource ?? fromSpec(entry, 'dataSchema', 'dataSource');
    const lag = lags.get(entry.id);
    const row = sampleOf({ entry, at, status, rates, lag, failedTasks: failed && datasource ? (failed.get(datasource) ?? 0) : null });
    rows.push(row);
    supervisors.push({
      id: entry.id,
      datasource,
      topic: status?.payload.stream ?? fromSpec(entry, 'ioConfig', 'topic') ?? entry.source ?? null,
      spec: entry.spec,
      status: status?.payload ?? null,
      lag: lag ?? null,
      point: metricPointOf(row),
    });
  }
  await insertMetrics(db, rows);
  // Only what was stored counts as the previous reading; terminated supervisors are forgotten.
  memory.previousTotals.clear();
  for (const [id, reading] of nextTotals) memory.previousTotals.set(id, reading);
  return { at: now, supervisors };
}

// ── One collector per process ────────────────────────────────────────────────────────────────

export interface CollectorOptions {
  readonly hooks: readonly AfterCollect[];
  readonly intervalMs: number;
  readonly retentionDays: number;
  /** This instance's name under the lease; hostname, process id and a random part by default. */
  readonly holder?: string;
  /** The store to collect into; the process's store by default. */
  readonly db?: () => Promise<Db>;
}

export type RoundOutcome = 'collected' | 'standby' | 'busy' | 'failed';

export interface Collector {
  readonly holder: string;
  /** One turn: takes or keeps the lease, and if it holds it, collects, runs the hooks and maintains the history. */
  tick(now?: number): Promise<RoundOutcome>;
  /** Stops the timer and waits for a round in progress to end. */
  stop(): Promise<void>;
  /** Ticks every intervalMs until stopped, the first one at once. */
  start(): void;
}

export function createCollector(options: CollectorOptions): Collector {
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const openDb = options.db ?? (async () => (await store()).db);
  const memory: CollectorMemory = { previousTotals: new Map(), lastMaintenanceAt: 0 };
  let round: Promise<RoundOutcome> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  // A Druid or store that stays down is said once per reason, not every interval.
  const failures: { count: number; reason?: string } = { count: 0 };
  const failed = (reason: string): RoundOutcome => {
    failures.count++;
    if (reason !== failures.reason) console.error(`Tributary's collector round failed, the next one tries again in ${Math.round(options.intervalMs / 1000)} s: ${reason}`);
    failures.reason = reason;
    return 'failed';
  };

  async function runRound(now: number): Promise<RoundOutcome> {
    let db: Db;
    try {
      db = await openDb();
      // The lease outlives a few missed renewals, so a slow round does not hand collecting to another instance.
      if (!(await holdLease(db, LEASE_NAME, holder, 3 * options.intervalMs, now))) {
        memory.previousTotals.clear();
        return 'standby';
      }
    } catch (error) {
      return failed(`the store could not be used: ${describeFailure(error)}`);
    }
    let collection: Collection;
    try {
      collection = await gather(memory, db, now);
    } catch (error) {
      return failed(describeFailure(error));
    }
    for (const hook of options.hooks) {
      try {
        await hook(collection);
      } catch (error) {
        console.error(`Tributary's collector: work after the round failed (${hook.name || 'unnamed'}): ${describeFailure(error)}`);
      }
    }
    if (now - memory.lastMaintenanceAt >= MAINTENANCE_EVERY_MS) {
      memory.lastMaintenanceAt = now;
      try {
        await maintainMetrics(db, { nowMs: now, retentionDays: options.retentionDays, graceMs: Math.max(MAINTENANCE_GRACE_MS, 2 * options.intervalMs) });
      } catch (error) {
        console.error(`Tributary's collector could not downsample or trim the stored history: ${describeFailure(error)}`);
      }
    }
    if (failures.count > 0) console.log(`Tributary's collector is collecting again after ${failures.count} failed round${failures.count === 1 ? '' : 's'}.`);
    failures.count = 0;
    failures.reason = undefined;
    return 'collected';
  }

  const tick = (now = Date.now()): Promise<RoundOutcome> => {
    // Never two rounds at once: a slow one makes the next wait.
    if (round) return Promise.resolve('busy');
    const current = runRound(now).finally(() => {
      if (round === current) round = undefined;
    });
    round = current;
    return current;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(async () => {
      const startedAt = Date.now();
      await tick(startedAt);
      schedule(Math.max(0, startedAt + options.intervalMs - Date.now()));
    }, delayMs);
    // The collector never keeps a process alive on its own.
    timer.unref();
  };

  return {
    holder,
    tick,
    start: () => {
      stopped = false;
      if (!timer) schedule(0);
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await round?.catch(() => undefined);
    },
  };
}

const COLLECTOR_KEY = Symbol.for('tributary.collector');
const registry = globalThis as Record<symbol, Collector | undefined>;

/** Starts this process's collector once, unless TRIBUTARY_COLLECT turned it off; a second call changes nothing. */
export function startCollector(hooks: readonly AfterCollect[]): Collector | undefined {
  const { monitoring } = getConfig();
  if (!monitoring.collect) return undefined;
  if (registry[COLLECTOR_KEY]) return registry[COLLECTOR_KEY];
  const collector = createCollector({ hooks, intervalMs: monitoring.intervalMs, retentionDays: monitoring.retentionDays });
  registry[COLLECTOR_KEY] = collector;
  collector.start();
  return collector;
}

/** Stops this process's collector (tests, shutdown); it may be started again. */
export async function stopCollector(): Promise<void> {
  const collector = registry[COLLECTOR_KEY];
  registry[COLLECTOR_KEY] = undefined;
  await collector?.stop();
}

/** One round now, without the lease: for tests and the benchmark. Stores the samples and returns what was gathered. */
export async function collectOnce(options: { readonly db?: Db; readonly now?: number; readonly previous?: Map<string, RowTotalsReading> } = {}): Promise<Collection> {
  const db = options.db ?? (await store()).db;
  return gather({ previousTotals: options.previous ?? new Map(), lastMaintenanceAt: 0 }, db, options.now ?? Date.now());
}
