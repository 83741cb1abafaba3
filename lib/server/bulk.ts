// One action on many supervisors: a few at a time, each through the audited single action (one
// audit entry per supervisor acted on), each answered with its state read back. One supervisor's
// failure is its own result and does not stop the others.
import 'server-only';
import { stateLabel } from '@/lib/operate/action-read-back';
import { bulkOutcome, needsNothing, type BulkAction, type BulkItemResult, type BulkResult } from '@/lib/operate/bulk';
import { druid } from './druid';
import { describeFailure, mapBounded, STATUS_TIMEOUT_MS } from './operate';
import { runAction, type Caller } from './operate-actions';

/** Supervisors acted on at once: Druid's Overlord handles each action in its own supervisor loop. */
const BULK_CONCURRENCY = 4;

export async function runBulk(action: BulkAction, ids: readonly string[], caller: Caller): Promise<BulkResult> {
  const results = await mapBounded(ids, BULK_CONCURRENCY, (id) => bulkOne(action, id, caller));
  return { action, results, summary: bulkOutcome(action, results) };
}

async function bulkOne(action: BulkAction, id: string, caller: Caller): Promise<BulkItemResult> {
  let acted = false;
  try {
    const options = { timeoutMs: STATUS_TIMEOUT_MS, signal: caller.signal };
    const status = (await druid().supervisors.status(id, options)).payload;
    const readAt = new Date().toISOString();
    const nothing = needsNothing(action, { suspended: status.suspended, activeTasks: status.activeTasks?.length ?? 0 });
    if (nothing) return { id, ok: true, acted: false, message: `"${id}": ${nothing}.`, state: status.state, readAt };
    acted = true;
    const answer =
      action === 'handoff'
        ? await runAction(id, { action, taskGroupIds: await readingTaskGroups(id, options) }, caller)
        : await runAction(id, { action }, caller);
    return { id, ok: true, acted, message: answer.message, state: stateLabel(answer.readBack), readAt: answer.readAt === undefined ? null : new Date(answer.readAt).toISOString() };
  } catch (error) {
    return { id, ok: false, acted, message: describeFailure(error), state: null, readAt: null };
  }
}

/** The task groups reading now: the keys of the supervisor's stats, as the status page hands off. */
async function readingTaskGroups(id: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<number[]> {
  const stats = await druid().supervisors.stats(id, options);
  return Object.keys(stats).map(Number).filter(Number.isInteger).sort((a, b) => a - b);
}
