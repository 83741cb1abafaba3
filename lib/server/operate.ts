// Server side of the dashboard: while anyone watches, the Overlord is read once per refresh interval
// and every viewer gets the latest answer at once (lib/server/shared-read.ts), fanning out per supervisor with bounded concurrency and
// per-call timeouts. The sparklines draw the lag the collector stored over the last hour, so a fresh
// page shows the past at once; each refresh also keeps Druid's lag in a per-supervisor ring buffer,
// which stands in for a supervisor the store has no samples of (no instance collects).
import 'server-only';
import { isDruidError, type DruidError, type SupervisorStats, type SupervisorStatus } from '@/lib/druid';
import { appendLagPoint, dashboardRow, readsAStream, type LagPoint, type SupervisorList } from '@/lib/operate';
import { druid } from './druid';
import { storedLagHistories } from './metrics';
import { processWide, sharedReads } from './shared-read';

export const REFRESH_MS = 5_000;
const LIST_TIMEOUT_MS = 8_000;
export const STATUS_TIMEOUT_MS = 4_000;
/** Calls in flight against the Overlord at once during a refresh. */
const FAN_OUT_CONCURRENCY = 6;

interface OperateState {
  lagHistories: Map<string, LagPoint[]>;
}

// Next bundles each route separately, so module-level state would be one copy per route; the
// process-wide registry gives the list, status and action routes one cache and one lag history.
const STATE_KEY = Symbol.for('tributary.operate');
const state: OperateState = ((globalThis as Record<symbol, OperateState | undefined>)[STATE_KEY] ??= { lagHistories: new Map() });
const lagHistories = state.lagHistories;

export function recordLag(id: string, lag: string | undefined | null, at = Date.now()): void {
  if (lag === undefined || lag === null) return;
  lagHistories.set(id, appendLagPoint(lagHistories.get(id) ?? [], { t: at, lag }));
}

export function lagHistoryOf(id: string): LagPoint[] {
  return lagHistories.get(id) ?? [];
}

export function describeFailure(error: unknown): string {
  return isDruidError(error) ? (error as DruidError).message : error instanceof Error ? error.message : String(error);
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the input order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: string }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: describeFailure(error) };
  }
}

let storeProblem: string | undefined;

/** A store slower than this does not hold up the dashboard: the refresh draws what this instance saw. */
const STORED_LAG_TIMEOUT_MS = 1_500;

/** The stored lag histories, or none when the store cannot be read in time (said once in the log, not every refresh). */
async function storedLag(): Promise<ReadonlyMap<string, readonly LagPoint[]> | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${STORED_LAG_TIMEOUT_MS} ms`)), STORED_LAG_TIMEOUT_MS);
    });
    const histories = await Promise.race([storedLagHistories(), late]);
    storeProblem = undefined;
    return histories;
  } catch (error) {
    const problem = describeFailure(error);
    if (problem !== storeProblem) console.error(`The dashboard's lag history could not be read from Tributary's store; it shows what this instance saw: ${problem}`);
    storeProblem = problem;
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

async function refresh(): Promise<SupervisorList> {
  const client = druid().supervisors;
  const [all, stored] = await Promise.all([client.listWithState({ timeoutMs: LIST_TIMEOUT_MS }), storedLag()]);
  const entries = all.filter(readsAStream);
  const rows = await mapBounded(entries, FAN_OUT_CONCURRENCY, async (entry) => {
    const options = { timeoutMs: STATUS_TIMEOUT_MS };
    const [status, stats] = await Promise.all([settle<SupervisorStatus>(client.status(entry.id, options)), settle<SupervisorStats>(client.stats(entry.id, options))]);
    if (status.value) recordLag(entry.id, status.value.payload.aggregateLag ?? null);
    const history = stored?.get(entry.id);
    return dashboardRow({ entry, status: status.value, statusError: status.error, stats: stats.value, lagHistory: history?.length ? history : lagHistoryOf(entry.id) });
  });
  // Terminated supervisors leave the list; their lag history goes with them.
  const listed = new Set(entries.map((entry) => entry.id));
  for (const id of lagHistories.keys()) if (!listed.has(id)) lagHistories.delete(id);
  return { refreshedAt: new Date().toISOString(), refreshIntervalMs: REFRESH_MS, supervisors: rows };
}

/** Kept warm this long after the last viewer, so someone back from a status page does not wait for a full refresh. */
const DASHBOARD_IDLE_MS = 60_000;
const lists = processWide('supervisor-list', () => sharedReads<SupervisorList>(REFRESH_MS, { idleMs: DASHBOARD_IDLE_MS }));

/** The dashboard rows, refreshed every REFRESH_MS while anyone watches; callers get the latest at once. */
export function supervisorList(): Promise<SupervisorList> {
  return lists.get('all', refresh);
}

/** After an action the next dashboard read goes to the Overlord, so the change shows at once. */
export function invalidateSupervisorList(): void {
  lists.forget('all');
}
