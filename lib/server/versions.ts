// Server side of change management: a supervisor's versions from Druid's history (terminated ones
// included, as Druid keeps their history), and a rollback that re-reads the chosen version from
// that history and submits it through the audited submit, never a spec the browser sent.
import 'server-only';
import { bigintsToStrings, isDruidError, type SupervisorHistoryEntry } from '@/lib/druid';
import { ApiError } from '@/lib/http';
import { isTerminationEntry, redactSpec, supervisorVersions, type RollbackBody, type SubmitResult, type SupervisorVersions } from '@/lib/operate';
import { druid } from './druid';
import { STATUS_TIMEOUT_MS } from './operate';
import { submitSpec, type Caller } from './operate-actions';

const noHistory = (id: string) => new ApiError(404, 'not_found', `Druid keeps no spec history for a supervisor "${id}": no spec was ever submitted with that id.`);

async function historyOf(id: string, signal?: AbortSignal): Promise<SupervisorHistoryEntry[]> {
  try {
    const history = await druid().supervisors.history(id, { signal, timeoutMs: STATUS_TIMEOUT_MS });
    if (history.length === 0) throw noHistory(id);
    return history;
  } catch (error) {
    if (isDruidError(error) && error.kind === 'not-found') throw noHistory(id);
    throw error;
  }
}

export async function readVersions(id: string, signal?: AbortSignal): Promise<SupervisorVersions> {
  const history = await historyOf(id, signal);
  return supervisorVersions(
    id,
    history.map((entry) => ({ ...entry, spec: redactSpec(bigintsToStrings(entry.spec)) as SupervisorHistoryEntry['spec'] })),
  );
}

export interface RollbackResult extends SubmitResult {
  readonly version: string;
}

/**
 * Submits a version from Druid's history again, as an update (or, for a terminated supervisor, a
 * re-creation). It stays suspended or running as it is now unless the body says otherwise; a
 * terminated one comes back as that version was.
 */
export async function rollback(id: string, body: RollbackBody, caller: Caller): Promise<RollbackResult> {
  const history = await historyOf(id, caller.signal);
  const target = history.find((entry) => entry.version === body.version);
  if (!target) {
    throw new ApiError(400, 'unknown_version', `Supervisor "${id}" has no version "${body.version}"; its versions are listed by GET /api/supervisors/${encodeURIComponent(id)}/versions.`);
  }
  if (isTerminationEntry(target.spec)) {
    throw new ApiError(400, 'not_a_spec', `Version "${body.version}" of "${id}" is its terminate, not a spec: pick a spec version to roll back to.`);
  }
  const newest = [...history].sort((a, b) => b.version.localeCompare(a.version))[0];
  const running = isTerminationEntry(newest.spec) ? target : newest;
  const suspended = body.suspended ?? running.spec.suspended === true;
  // The history's spec carries the real credentials Druid keeps; the browser only ever saw them hidden.
  const result = await submitSpec(target.spec, suspended, caller, `rollback to ${body.version}`);
  return { ...result, version: body.version };
}
