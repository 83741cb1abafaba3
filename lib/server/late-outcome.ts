// What an action or submit did when Druid's answer did not come in time. Druid goes on with a
// call Tributary stopped waiting for, so the audit entry says "unknown" first; reading the
// supervisor back then settles it, while the request waits a little and in the background after.
import 'server-only';
import { isDruidError } from '@/lib/druid';
import { isTerminationEntry, outcomeFromReadBack, type ReadBack, type SupervisorAction } from '@/lib/operate';
import type { AuditOutcome } from '@/lib/operate/audit-entry';
import { diffSpecs, importStoredSpec, type SupervisorSpec } from '@/lib/spec';
import type { OpenAuditEntry } from './audit';
import { druid } from './druid';

/** Each read of the supervisor after a timeout: short, as the route's own deadline is near. */
const READ_BACK_TIMEOUT_MS = 3_000;
/** How long the request itself waits for reading back to show the call done. */
const IN_REQUEST_WAIT_MS = 7_000;
/** Reading back goes on this long after the request has answered, less and less often. */
const BACKGROUND_WINDOW_MS = 10 * 60_000;
const FIRST_PAUSE_MS = 1_000;
const LONGEST_PAUSE_MS = 60_000;

export type LateCheck = () => Promise<'done' | 'unknown'>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

async function readBack(id: string, action: SupervisorAction): Promise<ReadBack | undefined> {
  const supervisors = druid().supervisors;
  const options = { timeoutMs: READ_BACK_TIMEOUT_MS };
  try {
    const spec = await supervisors.spec(id, options);
    let terminating = false;
    if (action === 'terminate') {
      // Druid records the terminate in the history before it stops the tasks, and drops the supervisor after.
      const newest = [...(await supervisors.history(id, options))].sort((a, b) => b.version.localeCompare(a.version))[0];
      terminating = newest !== undefined && isTerminationEntry(newest.spec);
    }
    return { exists: true, suspended: spec.suspended === true, terminating };
  } catch (error) {
    if (isDruidError(error) && error.kind === 'not-found') return { exists: false };
    return undefined;
  }
}

/** Suspend, resume and terminate show in the supervisor's spec or history. */
export const actionCheck =
  (id: string, action: SupervisorAction): LateCheck =>
  async () =>
    outcomeFromReadBack(action, await readBack(id, action));

/** A submit is done when Druid runs a spec equivalent to the submitted one. */
export const submitCheck =
  (id: string, submitted: SupervisorSpec): LateCheck =>
  async () => {
    try {
      const running = importStoredSpec(await druid().supervisors.spec(id, { timeoutMs: READ_BACK_TIMEOUT_MS })).spec;
      return running && diffSpecs(running, importStoredSpec(submitted).spec ?? submitted).equivalent ? 'done' : 'unknown';
    } catch {
      return 'unknown';
    }
  };

/**
 * Reads back until the call shows done (the entry takes `doneOutcome` and `doneDetail`) or the background
 * window closes (it stays unknown). Resolves true as soon as it is done.
 */
function settle(entry: OpenAuditEntry, check: LateCheck, doneDetail: string, doneOutcome: AuditOutcome): Promise<boolean> {
  return (async () => {
    const until = Date.now() + BACKGROUND_WINDOW_MS;
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
      if ((await check()) === 'done') {
        await entry.resolve(doneOutcome, doneDetail);
        return true;
      }
      if (Date.now() + pause > until) return false;
      await sleep(pause);
    }
  })().catch((error) => {
    console.error(`Tributary could not read back audit entry ${entry.id}'s outcome: ${(error as Error).message}`);
    return false;
  });
}

/** Starts settling a late call; true when it showed done while the request could still wait. */
export async function settleLate(
  entry: OpenAuditEntry,
  check: LateCheck,
  done: { readonly detail: string; readonly outcome?: AuditOutcome },
  signal?: AbortSignal,
): Promise<boolean> {
  const settled = settle(entry, check, done.detail, done.outcome ?? 'ok');
  const stopWaiting = new Promise<false>((resolve) => {
    const timer = setTimeout(() => resolve(false), IN_REQUEST_WAIT_MS);
    timer.unref?.();
    if (signal?.aborted) resolve(false);
    signal?.addEventListener('abort', () => resolve(false), { once: true });
  });
  return Promise.race([settled, stopWaiting]);
}
