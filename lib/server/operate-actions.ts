// Supervisor actions and spec submits: each goes to the Overlord, leaves one audit line whatever
// the outcome, and drops the shared dashboard answer so the change shows on the next read.
import 'server-only';
import { isDruidError, type DruidError } from '@/lib/druid';
import { getConfig } from '@/lib/config';
import { ApiError } from '@/lib/http';
import {
  describeLateOutcome,
  isTerminationEntry,
  outcomeFromReadBack,
  READ_BACK_ACTIONS,
  type ActionResult,
  type ReadBack,
  type SubmitResult,
  type SupervisorAction,
} from '@/lib/operate';
import { diffSpecs, hasErrors, importSpecValue, importStoredSpec, type SupervisorSpec } from '@/lib/spec';
import { druid } from './druid';
import { describeFailure, invalidateSupervisorList } from './operate';
import { writeAudit } from './operate-audit';
import { serverCheckContext } from './own-clusters';

export interface Caller {
  readonly user?: string;
  readonly signal?: AbortSignal;
}

export type ActionInput =
  | { readonly action: 'suspend' | 'resume' | 'reset' | 'terminate' }
  | { readonly action: 'resetOffsets'; readonly partitions: Readonly<Record<string, string>> }
  | { readonly action: 'handoff'; readonly taskGroupIds: readonly number[] };

/** Thrown when Druid did not answer an action in time and reading it back could not show it done. */
class OutcomeUnknownError extends ApiError {
  constructor(message: string) {
    super(504, 'outcome_unknown', message);
  }
}

const isTimeout = (error: unknown): error is DruidError => isDruidError(error) && error.kind === 'timeout';

async function audited<T>(action: string, id: string, caller: Caller, work: () => Promise<{ value: T; detail?: string; unchanged?: boolean }>): Promise<T> {
  try {
    const { value, detail, unchanged } = await work();
    await writeAudit({ action, supervisorId: id, outcome: unchanged ? 'unchanged' : 'ok', user: caller.user, detail });
    return value;
  } catch (error) {
    const refused = (error instanceof ApiError || isDruidError(error)) && error.status === 400;
    // Druid goes on with a call Tributary stopped waiting for: a timeout is not a failure.
    const outcome = refused ? 'refused' : error instanceof OutcomeUnknownError || isTimeout(error) ? 'unknown' : 'failed';
    await writeAudit({ action, supervisorId: id, outcome, user: caller.user, detail: describeFailure(error) });
    throw error;
  } finally {
    invalidateSupervisorList();
  }
}

/** Each read of the supervisor after a timeout: short, as the route's own deadline is near. */
const READ_BACK_TIMEOUT_MS = 3_000;
const READ_BACK_ATTEMPTS = 2;
const READ_BACK_PAUSE_MS = 1_000;

async function readBack(id: string, action: SupervisorAction, signal?: AbortSignal): Promise<ReadBack | undefined> {
  const supervisors = druid().supervisors;
  const options = { signal, timeoutMs: READ_BACK_TIMEOUT_MS };
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

/** After Druid did not answer an action in time: what it did, as far as reading it back can tell. */
async function outcomeAfterTimeout(id: string, action: SupervisorAction, signal?: AbortSignal): Promise<string> {
  const waited = Math.round(getConfig().druid.timeoutMs / 1000);
  for (let attempt = 1; READ_BACK_ACTIONS.has(action) && attempt <= READ_BACK_ATTEMPTS && !signal?.aborted; attempt++) {
    if (outcomeFromReadBack(action, await readBack(id, action, signal)) === 'done') return describeLateOutcome(id, action, 'done', waited);
    if (attempt < READ_BACK_ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, READ_BACK_PAUSE_MS));
  }
  throw new OutcomeUnknownError(describeLateOutcome(id, action, 'unknown', waited));
}

async function topicOf(id: string, caller: Caller): Promise<string> {
  const status = await druid().supervisors.status(id, { signal: caller.signal });
  if (!status.payload.stream) throw new ApiError(409, 'no_topic', `Supervisor "${id}" does not report its topic yet, so its offsets cannot be moved. Try again once it is running.`);
  return status.payload.stream;
}

/** What the user reads once an action is done; Druid's effect, not its HTTP answer. */
function doneMessage(id: string, action: 'suspend' | 'resume' | 'reset' | 'terminate'): string {
  return {
    suspend: `Supervisor "${id}" is suspended: its tasks publish what they have read and stop until it is resumed.`,
    resume: `Supervisor "${id}" is resuming: new tasks start reading from the stored offsets.`,
    reset: `Supervisor "${id}" was reset: its stored offsets are gone, so it starts again from the earliest or latest offset (useEarliestOffset) and may skip or re-read data.`,
    terminate: `Supervisor "${id}" is terminated: its tasks publish and stop. Its spec history stays in Druid.`,
  }[action];
}

export function runAction(id: string, input: ActionInput, caller: Caller = {}): Promise<ActionResult> {
  const supervisors = druid().supervisors;
  const options = { signal: caller.signal };
  const done = (message: string, detail?: string) => ({ value: { id, action: input.action, message } satisfies ActionResult, detail });
  const act = async () => {
    switch (input.action) {
      case 'suspend':
        await supervisors.suspend(id, options);
        return done(doneMessage(id, input.action));
      case 'resume':
        await supervisors.resume(id, options);
        return done(doneMessage(id, input.action));
      case 'reset':
        await supervisors.reset(id, options);
        return done(doneMessage(id, input.action));
      case 'terminate':
        await supervisors.terminate(id, options);
        return done(doneMessage(id, input.action));
      case 'resetOffsets': {
        const topic = await topicOf(id, caller);
        await supervisors.resetOffsets(id, topic, input.partitions, options);
        const moved = Object.entries(input.partitions).map(([partition, offset]) => `${partition}→${offset}`).join(', ');
        return done(`Supervisor "${id}" will read ${topic} from the new offsets (partition→offset: ${moved}).`, `offsets ${moved}`);
      }
      case 'handoff':
        await supervisors.handoff(id, input.taskGroupIds, options);
        return done(`Task groups ${input.taskGroupIds.join(', ')} of "${id}" were asked to publish their segments now.`, `taskGroups ${input.taskGroupIds.join(',')}`);
    }
  };
  return audited(input.action, id, caller, async () => {
    try {
      return await act();
    } catch (error) {
      if (!isTimeout(error)) throw error;
      // Only suspend, resume and terminate can be read back; the others end as "unknown".
      const late = await outcomeAfterTimeout(id, input.action, caller.signal);
      const action = input.action as 'suspend' | 'resume' | 'terminate';
      return done(`${doneMessage(id, action)} ${late}`, late);
    }
  });
}

/** Which supervisor a spec is for: its own id when it names one, else its datasource (Druid's rule). */
export function supervisorIdOf(spec: SupervisorSpec): string {
  const id = (spec as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : spec.spec.dataSchema.dataSource;
}

async function currentSpec(id: string, caller: Caller): Promise<SupervisorSpec | undefined> {
  try {
    return importStoredSpec(await druid().supervisors.spec(id, { signal: caller.signal })).spec;
  } catch (error) {
    if (isDruidError(error) && error.kind === 'not-found') return undefined;
    throw error;
  }
}

export async function submitSpec(json: unknown, startSuspended: boolean | undefined, caller: Caller = {}): Promise<SubmitResult> {
  // Where the spec sends Druid is checked with the rest, before anything reaches Druid.
  const imported = importSpecValue(json, serverCheckContext());
  const problems = imported.issues.filter((issue) => issue.severity === 'error');
  const warnings = imported.issues.filter((issue) => issue.severity === 'warning').map(({ pathText, message, severity }) => ({ pathText, message, severity }));
  const dataSource = (imported.spec?.spec.dataSchema.dataSource ?? '(unknown)') || '(unknown)';
  if (!imported.spec || hasErrors(imported.issues)) {
    const first = problems[0];
    const error = new ApiError(
      400,
      'invalid_spec',
      `The spec was not submitted: ${problems.length} problem${problems.length === 1 ? '' : 's'}, first at ${first.pathText}: ${first.message}`,
      { issues: problems.map(({ pathText, message, severity }) => ({ path: pathText, message, severity })), warnings },
    );
    await writeAudit({ action: 'submit', supervisorId: dataSource, outcome: 'refused', user: caller.user, detail: error.message });
    throw error;
  }
  const spec: SupervisorSpec = startSuspended === undefined ? imported.spec : { ...imported.spec, suspended: startSuspended };
  const id = supervisorIdOf(spec);
  return audited('submit', id, caller, async () => {
    const before = await currentSpec(id, caller);
    // Both sides as Druid stores them: its echo fills in defaults and nulls the submitted spec leaves out.
    const unchanged = before !== undefined && diffSpecs(before, importStoredSpec(spec).spec ?? spec).equivalent;
    // An identical resubmit (a double click, a retried script) leaves the running tasks alone.
    const answer = await druid().supervisors.submit(spec, { signal: caller.signal, skipRestartIfUnmodified: unchanged });
    const outcome = unchanged ? 'unchanged' : before ? 'updated' : 'created';
    const suspended = spec.suspended === true;
    const message = {
      created: `Supervisor "${answer.id}" was created${suspended ? ' suspended: resume it to start reading' : ' and starts reading the topic'}.`,
      updated: `Supervisor "${answer.id}" was updated: its tasks publish what they have and new tasks continue from the stored offsets with the new spec.`,
      unchanged: `Supervisor "${answer.id}" is unchanged: Druid already runs this spec, so its tasks were left alone.`,
    }[outcome];
    return { value: { id: answer.id, outcome, message, suspended, warnings, notes: imported.notes }, detail: unchanged ? undefined : outcome, unchanged };
  });
}
