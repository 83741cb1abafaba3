// What an action did when Druid's answer did not come in time. Druid goes on with the action
// after Tributary stops waiting (a terminate whose tasks cannot reach Kafka can take minutes),
// so a timeout says nothing about the outcome: reading the supervisor back does.
import type { SupervisorAction } from './schemas';

/** The supervisor as read back after the timeout. */
export type ReadBack =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly suspended: boolean;
      /** The newest history entry is a terminate: Druid has recorded it and is stopping the tasks. */
      readonly terminating: boolean;
    };

export type ActionOutcome = 'done' | 'unknown';

/** Actions whose effect shows in the supervisor's spec or history; the others cannot be read back. */
export const READ_BACK_ACTIONS: ReadonlySet<SupervisorAction> = new Set(['suspend', 'resume', 'terminate']);

export function outcomeFromReadBack(action: SupervisorAction, readBack: ReadBack | undefined): ActionOutcome {
  if (!readBack || !READ_BACK_ACTIONS.has(action)) return 'unknown';
  switch (action) {
    case 'terminate':
      return !readBack.exists || readBack.terminating ? 'done' : 'unknown';
    case 'suspend':
      return readBack.exists && readBack.suspended ? 'done' : 'unknown';
    case 'resume':
      return readBack.exists && !readBack.suspended ? 'done' : 'unknown';
    default:
      return 'unknown';
  }
}

/** In words, for the user and the audit line. */
export function describeLateOutcome(id: string, action: SupervisorAction, outcome: ActionOutcome, waitedSeconds: number): string {
  const late = `Druid did not answer the ${action} of "${id}" within ${waitedSeconds} s`;
  if (outcome === 'done') return `${late}, but reading it back shows it done.`;
  return READ_BACK_ACTIONS.has(action)
    ? `${late}, and reading it back does not show it done yet: Druid may still be carrying it out. Check the supervisor's status before trying again.`
    : `${late}; whether it took effect cannot be read back. Check the supervisor's status and tasks before trying again.`;
}
