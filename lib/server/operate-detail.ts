// Server side of a supervisor's status page: status first (an unknown id is a 404), then its stats,
// spec, history and tasks in parallel; a part that fails is named in `problems`, the rest still shows.
import 'server-only';
import { bigintsToStrings, totalSupervisorStats } from '@/lib/druid';
import { getConfig } from '@/lib/config';
import { historyWithDiffs, partitionRows, redactSpec, taskRows, throughputOf, withoutCredentials, type SupervisorDetail } from '@/lib/operate';
import { importStoredSpec, orderSpecKeys, specToCurl } from '@/lib/spec';
import { druid } from './druid';
import { describeFailure, lagHistoryOf, recordLag, STATUS_TIMEOUT_MS } from './operate';
import { processWide, sharedReads, whileWatched } from './shared-read';

/** Complete tasks Druid returns at most for one datasource (running ones are always all listed). */
const MAX_TASKS = 50;

/**
 * Status pages poll every 5 s: while any is open, the supervisor's five Druid calls are made once
 * per period and every viewer gets the latest answer. An action forgets it (forgetSupervisorDetail).
 */
const SHARED_DETAIL_MS = 5_000;
const details = processWide('supervisor-details', () => sharedReads<SupervisorDetail>(SHARED_DETAIL_MS));

export function supervisorDetail(id: string, signal?: AbortSignal): Promise<SupervisorDetail> {
  // The shared read is bounded by its own timeouts; one viewer leaving does not abort it for the others.
  const shared = details.get(id, () => readSupervisorDetail(id));
  return whileWatched(shared, signal);
}

export function forgetSupervisorDetail(id: string): void {
  details.forget(id);
}

async function readSupervisorDetail(id: string): Promise<SupervisorDetail> {
  const client = druid();
  const options = { timeoutMs: STATUS_TIMEOUT_MS };
  const status = await client.supervisors.status(id, options);
  const payload = status.payload;
  recordLag(id, payload.aggregateLag ?? null);
  const [stats, spec, history, tasks] = await Promise.allSettled([
    client.supervisors.stats(id, options),
    client.supervisors.spec(id, options),
    client.supervisors.history(id, options),
    client.tasks.list({ datasource: payload.dataSource, max: MAX_TASKS }, options),
  ]);
  const problems: string[] = [];
  const failed = (what: string, result: PromiseSettledResult<unknown>) => {
    if (result.status === 'rejected') problems.push(`${what} could not be read: ${describeFailure(result.reason)}`);
  };
  failed('Row stats', stats);
  failed('The spec', spec);
  failed('The spec history', history);
  failed('The task list', tasks);

  const activeTaskIds = (payload.activeTasks ?? []).map((task) => task.id);
  const totals = stats.status === 'fulfilled' ? totalSupervisorStats(stats.value, activeTaskIds).totals : null;
  const specJson = spec.status === 'fulfilled' ? (redactSpec(bigintsToStrings(spec.value)) as Record<string, unknown>) : null;
  // Without the nulls, defaults and copies Druid fills in, so the spec reads, edits and copies as submitted.
  const canonical = specJson ? importStoredSpec(specJson).spec : undefined;
  return {
    id,
    refreshedAt: new Date().toISOString(),
    status: payload,
    throughput: stats.status === 'fulfilled' ? throughputOf(stats.value, activeTaskIds) : null,
    totals: totals && { processed: totals.processed, processedWithError: totals.processedWithError, unparseable: totals.unparseable, thrownAway: totals.thrownAway },
    partitions: partitionRows(payload),
    tasks: taskRows(payload, tasks.status === 'fulfilled' ? tasks.value : [], Date.now()),
    taskGroupIds: stats.status === 'fulfilled' ? Object.keys(stats.value).map(Number).filter(Number.isInteger).sort((a, b) => a - b) : [],
    // The canonical form (sections under "spec", Druid's key order) reads best; an unreadable spec is shown as Druid has it.
    spec: canonical ? (orderSpecKeys(canonical) as Record<string, unknown>) : specJson,
    // The Overlord URL is not a secret; Druid credentials never go into the command.
    curl: canonical ? specToCurl(canonical, withoutCredentials(getConfig().druid.overlordUrl)) : null,
    history: history.status === 'fulfilled' ? historyWithDiffs(history.value.map((entry) => ({ ...entry, spec: redactSpec(bigintsToStrings(entry.spec)) as typeof entry.spec }))) : [],
    lagHistory: lagHistoryOf(id),
    problems,
  };
}
