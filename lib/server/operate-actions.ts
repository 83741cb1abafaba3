// Supervisor actions and spec submits: each is recorded in the audit trail before it goes to the
// Overlord and completed with Druid's answer, and drops the shared dashboard answer so the change
// shows on the next read.
import 'server-only';
import { isDruidError } from '@/lib/druid';
import { getConfig } from '@/lib/config';
import { ApiError } from '@/lib/http';
import { describeLateOutcome, READ_BACK_ACTIONS, type ActionResult, type SubmitResult } from '@/lib/operate';
import { clockTime, describeReadBack, stateSettled, stateShowsDone, type ReadBackState } from '@/lib/operate/action-read-back';
import { druidPositions } from '@/lib/operate/lag';
import { missingPartitions, resetSeen } from '@/lib/operate/reset-preview';
import { appKafka } from '@/lib/kafka/server';
import type { SupervisorStatus } from '@/lib/druid';
import { specHash, summarizeSubmit, type AuditOutcome } from '@/lib/operate/audit-entry';
import { diffSpecs, hasErrors, importSpecValue, importStoredSpec, type SupervisorSpec } from '@/lib/spec';
import { markAudited, oneSubmitAtATime, openAuditEntry, recordAudit, SubmitBusyError, type Actor, type AuditFinish, type OpenAuditEntry } from './audit';
import { druid } from './druid';
import { forgetSupervisorDiagnosis } from './diagnosis';
import { forgetSupervisorLag } from './lag';
import { forgetSupervisorDetail } from './operate-detail';
import { actionCheck, settleLate, submitCheck } from './late-outcome';
import { describeFailure, invalidateSupervisorList, STATUS_TIMEOUT_MS } from './operate';
import { serverCheckContext } from './own-clusters';

export interface Caller extends Actor {
  readonly signal?: AbortSignal;
}

export type ActionInput =
  | { readonly action: 'suspend' | 'resume' | 'reset' | 'terminate' }
  | { readonly action: 'resetOffsets'; readonly partitions: Readonly<Record<string, string>>; /** The time the offsets were looked up for, for the audit entry. */ readonly at?: string }
  | { readonly action: 'handoff'; readonly taskGroupIds: readonly number[] };

/** Thrown when Druid did not answer in time and reading it back could not show the call done. */
class OutcomeUnknownError extends ApiError {
  constructor(message: string) {
    super(504, 'outcome_unknown', message);
  }
}

/** Druid may have carried out a call whose answer Tributary stopped waiting for. */
const isLate = (error: unknown) => isDruidError(error) && (error.kind === 'timeout' || error.kind === 'cancelled');

const waitedSeconds = () => Math.round(getConfig().druid.timeoutMs / 1000);
const noAnswer = () => `no answer within ${getConfig().druid.timeoutMs} ms`;

/** Druid's supervisor API answers 200 when it did what was asked; the client keeps the parsed body. */
const answered = (druidAnswer: string | null): AuditFinish => ({ druidStatus: 200, druidAnswer });

function failure(error: unknown): { outcome: AuditOutcome; finish: AuditFinish } {
  const status = isDruidError(error) || error instanceof ApiError ? error.status : undefined;
  const outcome: AuditOutcome = status === 400 || error instanceof SubmitBusyError ? 'refused' : 'failed';
  // Only what Druid said: an unreachable Druid answered nothing, and the detail says why.
  const druidAnswer = isDruidError(error) && error.status !== undefined ? [error.druidCode, error.druidMessage ?? error.message].filter(Boolean).join(': ') : null;
  return { outcome, finish: { druidStatus: isDruidError(error) ? (error.status ?? null) : null, druidAnswer, detail: describeFailure(error) } };
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

async function topicOf(id: string, caller: Caller): Promise<{ topic: string; status: SupervisorStatus }> {
  const status = await druid()
    .supervisors.status(id, { signal: caller.signal })
    .catch((error) => {
      // Nothing has been asked of Druid yet: a late status read is a plain failure, not an unknown outcome.
      throw isLate(error) ? new ApiError(504, 'timeout', `Druid did not answer the status read of "${id}" in time; its offsets were not moved.`) : error;
    });
  if (!status.payload.stream) throw new ApiError(409, 'no_topic', `Supervisor "${id}" does not report its topic yet, so its offsets cannot be moved. Try again once it is running.`);
  return { topic: status.payload.stream, status };
}

/** Refuses offsets for partitions the topic does not have, by Kafka's metadata (Druid's partition count when Kafka cannot be read). */
async function checkPartitions(id: string, topic: string, status: SupervisorStatus, partitions: Readonly<Record<string, string>>): Promise<void> {
  let count: number;
  let source = 'Kafka';
  try {
    const listed = (await appKafka().metadata()).topicMetadata.find((t) => t.topic === topic);
    if (!listed) throw new ApiError(400, 'invalid_partitions', `Kafka has no topic "${topic}", so the offsets of "${id}" were not moved.`);
    count = listed.partitionMetadata.length;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // Neither can say: Druid checks the partitions itself.
    if (status.payload.partitions === null || status.payload.partitions === undefined) return;
    count = status.payload.partitions;
    source = 'Druid (Kafka could not be read)';
  }
  const missing = missingPartitions(Object.keys(partitions), count);
  if (missing.length === 0) return;
  const which = `${missing.length > 1 ? 'partitions' : 'partition'} ${missing.join(', ')}`;
  throw new ApiError(400, 'invalid_partitions', `Topic "${topic}" has ${count} partition${count === 1 ? '' : 's'} (0 to ${count - 1}) according to ${source}; it has no ${which}. Nothing was sent to Druid.`, {
    topic,
    partitionCount: count,
    missing,
  });
}

/** What an action asked for beyond its name, for the audit entry. */
function requestDetail(input: ActionInput): string | undefined {
  if (input.action === 'resetOffsets') {
    const offsets = `offsets ${Object.entries(input.partitions).map(([partition, offset]) => `${partition}→${offset}`).join(', ')}`;
    return input.at ? `${offsets}, the offsets at ${input.at}` : offsets;
  }
  if (input.action === 'handoff') return `taskGroups ${input.taskGroupIds.join(',')}`;
  return undefined;
}

interface Acted {
  readonly message: string;
  readonly finish: AuditFinish;
  /** Where Druid read each partition before offsets were moved, to read the move back against. */
  readonly offsetsBefore?: ReadonlyMap<number, bigint>;
}

async function act(id: string, input: ActionInput, caller: Caller): Promise<Acted> {
  const supervisors = druid().supervisors;
  const options = { signal: caller.signal };
  switch (input.action) {
    case 'suspend':
    case 'resume': {
      const spec = await supervisors[input.action](id, options);
      return { message: doneMessage(id, input.action), finish: answered(`the supervisor's spec, suspended: ${spec.suspended === true}`) };
    }
    case 'reset':
    case 'terminate': {
      const answer = await supervisors[input.action](id, options);
      return { message: doneMessage(id, input.action), finish: answered(JSON.stringify(answer)) };
    }
    case 'resetOffsets': {
      const { topic, status } = await topicOf(id, caller);
      await checkPartitions(id, topic, status, input.partitions);
      const offsetsBefore = druidPositions(status.payload, Date.now()).current;
      const answer = await supervisors.resetOffsets(id, topic, input.partitions, options);
      const moved = Object.entries(input.partitions).map(([partition, offset]) => `${partition}→${offset}`).join(', ');
      return { message: `Supervisor "${id}" will read ${topic} from the new offsets (partition→offset: ${moved}).`, finish: answered(JSON.stringify(answer)), offsetsBefore };
    }
    case 'handoff':
      await supervisors.handoff(id, input.taskGroupIds, options);
      return { message: `Task groups ${input.taskGroupIds.join(', ')} of "${id}" were asked to publish their segments now.`, finish: answered(null) };
  }
}

/** An action's answer with what reading the supervisor back found. */
export interface ActionAnswer extends ActionResult {
  /** Its state read back after the action; undefined when it could not be read (or was not, after a late answer). */
  readonly readBack?: ReadBackState;
  readonly readAt?: number;
  /** After moved offsets: where Druid reads each partition sent, as last read, and whether that shows the move. */
  readonly offsets?: { readonly before: ReadonlyMap<number, bigint>; readonly seen: ReadonlyMap<number, bigint>; readonly confirmed: boolean };
}

/** Druid applies suspend, resume and terminate in its supervisor loop: read back this long for them to show. */
const STATE_READ_BACK_MS = 5_000;
/**
 * Moved offsets show once Druid reads its offsets again (offsetFetchPeriod): in new tasks' positions,
 * or for a suspended supervisor in its committed offsets, once a task still publishing has finished.
 */
const OFFSETS_READ_BACK_MS = 20_000;
const READ_BACK_PAUSE_MS = 500;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readStatus(id: string, caller: Caller): Promise<{ read?: ReadBackState; status?: SupervisorStatus; at: number }> {
  try {
    const status = await druid().supervisors.status(id, { timeoutMs: STATUS_TIMEOUT_MS, signal: caller.signal });
    const { state, detailedState, suspended } = status.payload;
    return { read: { gone: false, state, detailedState, suspended }, status, at: Date.now() };
  } catch (error) {
    return { read: isDruidError(error) && error.kind === 'not-found' ? { gone: true } : undefined, at: Date.now() };
  }
}

/** Reads the supervisor until `done` says the action shows, or `withinMs` passes; the last read either way. */
async function readBackUntil(id: string, caller: Caller, withinMs: number, done: (read: Awaited<ReturnType<typeof readStatus>>) => boolean) {
  const until = Date.now() + withinMs;
  for (;;) {
    const read = await readStatus(id, caller);
    if (done(read) || Date.now() + READ_BACK_PAUSE_MS > until || caller.signal?.aborted) return read;
    await pause(READ_BACK_PAUSE_MS);
  }
}

function describeOffsets(sent: Readonly<Record<string, string>>, before: ReadonlyMap<number, bigint>, seen: ReadonlyMap<number, bigint>, confirmed: boolean, at: number): string {
  const was = (partition: string) => before.get(Number(partition)) ?? 'no offset';
  if (confirmed) {
    return `Druid now reads ${Object.keys(sent).map((p) => `partition ${p} from ${seen.get(Number(p))} (was ${was(p)})`).join(', ')}, read at ${clockTime(at)}.`;
  }
  return `Druid accepted the reset; at ${clockTime(at)} it did not report the new offsets yet: its tasks restart and report them within its offsetFetchPeriod (30 s unless set).`;
}

async function readBack(id: string, input: ActionInput, acted: Acted, caller: Caller): Promise<Omit<ActionAnswer, 'id' | 'action'>> {
  if (input.action === 'resetOffsets') {
    const before = acted.offsetsBefore ?? new Map<number, bigint>();
    const positions = (read: Awaited<ReturnType<typeof readStatus>>) => {
      if (!read.status) return new Map<number, bigint>();
      // The committed offsets show the move before a task still publishing what it read before has ended.
      const committed = druidPositions({ ...read.status.payload, activeTasks: [], publishingTasks: [] }, read.at).current;
      return resetSeen(input.partitions, before, committed) ? committed : druidPositions(read.status.payload, read.at).current;
    };
    const last = await readBackUntil(id, caller, OFFSETS_READ_BACK_MS, (read) => resetSeen(input.partitions, before, positions(read)));
    const seen = positions(last);
    const confirmed = resetSeen(input.partitions, before, seen);
    return { message: `${acted.message} ${describeOffsets(input.partitions, before, seen, confirmed, last.at)}`, readBack: last.read, readAt: last.at, offsets: { before, seen, confirmed } };
  }
  if (input.action === 'handoff') return { message: acted.message };
  // Until the state agrees as well, so the answer names the state Druid settled in.
  const last = await readBackUntil(id, caller, STATE_READ_BACK_MS, ({ read }) => read === undefined || (stateShowsDone(input.action, read) && stateSettled(read)));
  return { message: `${acted.message} ${describeReadBack(input.action, last.read, last.at)}`, readBack: last.read, readAt: last.at };
}

export async function runAction(id: string, input: ActionInput, caller: Caller = {}): Promise<ActionAnswer> {
  const entry = await openAuditEntry(caller, { action: input.action, supervisorId: id });
  const detail = requestDetail(input) ?? null;
  const result = (message: string): ActionResult => ({ id, action: input.action, message });
  let acted: Acted;
  try {
    acted = await act(id, input, caller);
    await entry.finish('ok', { ...acted.finish, detail });
  } catch (error) {
    if (isLate(error)) {
      await entry.finish('unknown', { druidStatus: null, druidAnswer: noAnswer(), detail: describeLateOutcome(id, input.action, 'unknown', waitedSeconds()) });
      // Only suspend, resume and terminate can be read back; the others stay unknown.
      if (READ_BACK_ACTIONS.has(input.action)) {
        const done = describeLateOutcome(id, input.action, 'done', waitedSeconds());
        if (await settleLate(entry, actionCheck(id, input.action), { detail: done }, caller.signal)) return result(`${doneMessage(id, input.action as 'suspend' | 'resume' | 'terminate')} ${done}`);
      }
      throw markAudited(new OutcomeUnknownError(describeLateOutcome(id, input.action, 'unknown', waitedSeconds())));
    }
    const { outcome, finish } = failure(error);
    await entry.finish(outcome, { ...finish, detail: [detail, finish.detail].filter(Boolean).join('; ') || null });
    // Its entry says how it ended: the route wrapper must not write a second one for the refusal.
    throw markAudited(error);
  } finally {
    forget(id);
  }
  // What Druid did, read back; the views read it again afterwards too.
  const answer = { id, action: input.action, ...(await readBack(id, input, acted, caller)) };
  forget(id);
  return answer;
}

function forget(id: string): void {
  invalidateSupervisorList();
  forgetSupervisorDetail(id);
  forgetSupervisorLag(id);
  forgetSupervisorDiagnosis(id);
}

/** The supervisor a spec too broken to import seems to be for, if it names one anywhere Druid would look. */
function namedIn(json: unknown): string | null {
  const record = (value: unknown) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
  const root = record(json);
  const name = root.id ?? record(record(root.spec).dataSchema).dataSource ?? record(root.dataSchema).dataSource;
  return typeof name === 'string' && name !== '' ? name : null;
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

function lateSubmitDetail(id: string, outcome: 'done' | 'unknown'): string {
  const late = `Druid did not answer the submit of "${id}" within ${waitedSeconds()} s`;
  return outcome === 'done'
    ? `${late}, but reading it back shows it running the submitted spec.`
    : `${late}, and reading it back does not show the submitted spec yet: Druid may still be carrying it out. Check the supervisor before submitting again.`;
}

/** `detail` says in the audit trail why the spec was submitted (a rollback names its version). */
export async function submitSpec(json: unknown, startSuspended: boolean | undefined, caller: Caller = {}, detail?: string): Promise<SubmitResult> {
  const startedAt = Date.now();
  // Where the spec sends Druid is checked with the rest, before anything reaches Druid.
  const imported = importSpecValue(json, serverCheckContext());
  const problems = imported.issues.filter((issue) => issue.severity === 'error');
  const warnings = imported.issues.filter((issue) => issue.severity === 'warning').map(({ pathText, message, severity }) => ({ pathText, message, severity }));
  if (!imported.spec || hasErrors(imported.issues)) {
    const first = problems[0];
    const error = new ApiError(
      400,
      'invalid_spec',
      `The spec was not submitted: ${problems.length} problem${problems.length === 1 ? '' : 's'}, first at ${first.pathText}: ${first.message}`,
      { issues: problems.map(({ pathText, message, severity }) => ({ path: pathText, message, severity })), warnings },
    );
    const supervisorId = imported.spec ? supervisorIdOf(imported.spec) || null : namedIn(json);
    await recordAudit(caller, { action: 'submit', supervisorId, specHash: await specHash(imported.spec ?? json), outcome: 'refused', startedAt, detail: error.message });
    throw markAudited(error);
  }
  const spec: SupervisorSpec = startSuspended === undefined ? imported.spec : { ...imported.spec, suspended: startSuspended };
  const id = supervisorIdOf(spec);
  const entry = await openAuditEntry(caller, { action: 'submit', supervisorId: id, specHash: await specHash(spec) });
  try {
    // Identical submits take turns, so only the first creates; the others find Druid already running it.
    return await oneSubmitAtATime(id, caller.signal, () => submitInTurn(id, spec, entry, caller, { warnings, notes: imported.notes }, detail));
  } catch (error) {
    // A late submit's entry is already unknown, and settles by itself.
    if (!(error instanceof OutcomeUnknownError)) {
      const { outcome, finish } = failure(error);
      await entry.finish(outcome, { ...finish, detail: [detail, finish.detail].filter(Boolean).join('; ') || null });
    }
    throw markAudited(error);
  } finally {
    invalidateSupervisorList();
    forgetSupervisorDetail(id);
    forgetSupervisorLag(id);
    forgetSupervisorDiagnosis(id);
  }
}

async function submitInTurn(
  id: string,
  spec: SupervisorSpec,
  entry: OpenAuditEntry,
  caller: Caller,
  extra: Pick<SubmitResult, 'warnings' | 'notes'>,
  detail?: string,
): Promise<SubmitResult> {
  const before = await currentSpec(id, caller);
  // Both sides as Druid stores them: its echo fills in defaults and nulls the submitted spec leaves out.
  const diff = before ? diffSpecs(before, importStoredSpec(spec).spec ?? spec) : undefined;
  const unchanged = diff?.equivalent === true;
  const outcome = unchanged ? 'unchanged' : before ? 'updated' : 'created';
  const suspended = spec.suspended === true;
  let answer: { id: string };
  try {
    // An identical resubmit (a double click, a retried script) leaves the running tasks alone.
    answer = await druid().supervisors.submit(spec, { signal: caller.signal, skipRestartIfUnmodified: unchanged });
  } catch (error) {
    if (!isLate(error)) throw error;
    await entry.finish('unknown', { druidStatus: null, druidAnswer: noAnswer(), changes: summarizeSubmit(outcome, diff), detail: lateSubmitDetail(id, 'unknown') });
    const done = await settleLate(entry, submitCheck(id, spec), { detail: lateSubmitDetail(id, 'done'), outcome: unchanged ? 'unchanged' : 'ok' }, caller.signal);
    if (!done) throw new OutcomeUnknownError(lateSubmitDetail(id, 'unknown'));
    return submitResult({ id }, outcome, suspended, extra);
  }
  await entry.finish(unchanged ? 'unchanged' : 'ok', { ...answered(JSON.stringify(answer)), changes: summarizeSubmit(outcome, diff), ...(detail ? { detail } : {}) });
  return submitResult(answer, outcome, suspended, extra);
}

function submitResult(answer: { id: string }, outcome: SubmitResult['outcome'], suspended: boolean, extra: Pick<SubmitResult, 'warnings' | 'notes'>): SubmitResult {
  const message = {
    created: `Supervisor "${answer.id}" was created${suspended ? ' suspended: resume it to start reading' : ' and starts reading the topic'}.`,
    updated: `Supervisor "${answer.id}" was updated: its tasks publish what they have and new tasks continue from the stored offsets with the new spec.`,
    unchanged: `Supervisor "${answer.id}" is unchanged: Druid already runs this spec, so its tasks were left alone.`,
  }[outcome];
  return { id: answer.id, outcome, message, suspended, ...extra };
}
