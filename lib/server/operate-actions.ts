// Supervisor actions and spec submits: each goes to the Overlord, leaves one audit line whatever
// the outcome, and drops the shared dashboard answer so the change shows on the next read.
import 'server-only';
import { isDruidError } from '@/lib/druid';
import { ApiError } from '@/lib/http';
import type { ActionResult, SubmitResult } from '@/lib/operate';
import { diffSpecs, hasErrors, importSpecValue, importStoredSpec, type SupervisorSpec } from '@/lib/spec';
import { druid } from './druid';
import { describeFailure, invalidateSupervisorList } from './operate';
import { writeAudit } from './operate-audit';

export interface Caller {
  readonly user?: string;
  readonly signal?: AbortSignal;
}

export type ActionInput =
  | { readonly action: 'suspend' | 'resume' | 'reset' | 'terminate' }
  | { readonly action: 'resetOffsets'; readonly partitions: Readonly<Record<string, string>> }
  | { readonly action: 'handoff'; readonly taskGroupIds: readonly number[] };

async function audited<T>(action: string, id: string, caller: Caller, work: () => Promise<{ value: T; detail?: string; unchanged?: boolean }>): Promise<T> {
  try {
    const { value, detail, unchanged } = await work();
    await writeAudit({ action, supervisorId: id, outcome: unchanged ? 'unchanged' : 'ok', user: caller.user, detail });
    return value;
  } catch (error) {
    const refused = (error instanceof ApiError || isDruidError(error)) && error.status === 400;
    const outcome = refused ? 'refused' : 'failed';
    await writeAudit({ action, supervisorId: id, outcome, user: caller.user, detail: describeFailure(error) });
    throw error;
  } finally {
    invalidateSupervisorList();
  }
}

async function topicOf(id: string, caller: Caller): Promise<string> {
  const status = await druid().supervisors.status(id, { signal: caller.signal });
  if (!status.payload.stream) throw new ApiError(409, 'no_topic', `Supervisor "${id}" does not report its topic yet, so its offsets cannot be moved. Try again once it is running.`);
  return status.payload.stream;
}

export function runAction(id: string, input: ActionInput, caller: Caller = {}): Promise<ActionResult> {
  const supervisors = druid().supervisors;
  const options = { signal: caller.signal };
  const done = (message: string, detail?: string) => ({ value: { id, action: input.action, message } satisfies ActionResult, detail });
  return audited(input.action, id, caller, async () => {
    switch (input.action) {
      case 'suspend':
        await supervisors.suspend(id, options);
        return done(`Supervisor "${id}" is suspended: its tasks publish what they have read and stop until it is resumed.`);
      case 'resume':
        await supervisors.resume(id, options);
        return done(`Supervisor "${id}" is resuming: new tasks start reading from the stored offsets.`);
      case 'reset':
        await supervisors.reset(id, options);
        return done(`Supervisor "${id}" was reset: its stored offsets are gone, so it starts again from the earliest or latest offset (useEarliestOffset) and may skip or re-read data.`);
      case 'terminate':
        await supervisors.terminate(id, options);
        return done(`Supervisor "${id}" is terminated: its tasks publish and stop. Its spec history stays in Druid.`);
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
  const imported = importSpecValue(json);
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
