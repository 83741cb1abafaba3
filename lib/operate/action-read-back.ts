// What an action's answer says Druid did: the supervisor's state read back after the action, not
// only that Druid answered 200. Druid records a suspend or resume in the status's `suspended` at once
// but changes its state in its supervisor loop, which a busy Overlord may run seconds later; the
// caller reads again for a while until the state agrees too. Pure.
import type { SupervisorAction } from './schemas';

/** The supervisor's state as its status reads, or gone once Druid no longer has it. */
export type ReadBackState = { readonly gone: true } | { readonly gone: false; readonly state: string; readonly detailedState: string; readonly suspended: boolean };

/** True when Druid's status shows the action carried out; actions that do not show in it count as done at once. */
export function stateShowsDone(action: SupervisorAction, read: ReadBackState): boolean {
  switch (action) {
    case 'suspend':
      return !read.gone && read.suspended;
    case 'resume':
      return !read.gone && !read.suspended;
    case 'terminate':
      return read.gone;
    default:
      return true;
  }
}

/** True once Druid's state agrees with its `suspended` too: its supervisor loop has run since. */
export function stateSettled(read: ReadBackState): boolean {
  return read.gone || read.suspended === (read.state === 'SUSPENDED');
}

/** "hh:mm:ss UTC" of a moment, for answers that say when Druid was read. */
export function clockTime(at: number): string {
  return `${new Date(at).toISOString().slice(11, 19)} UTC`;
}

/**
 * The state a result row shows: Druid's state, "gone" once terminated, null when it could not be
 * read. Before its loop has run, SUSPENDED for a supervisor Druid reports suspended, RESUMED for one no longer.
 */
export function stateLabel(read: ReadBackState | undefined): string | null {
  if (!read) return null;
  if (read.gone) return 'gone';
  if (stateSettled(read)) return read.state;
  return read.suspended ? 'SUSPENDED' : 'RESUMED';
}

/** One sentence for the user: what reading the supervisor back found, and when. */
export function describeReadBack(action: SupervisorAction, read: ReadBackState | undefined, at: number): string {
  const when = `read at ${clockTime(at)}`;
  if (!read) return `Its status could not be read back (${when}); check the status page.`;
  if (read.gone) return `Druid no longer lists it (${when}).`;
  const state = read.detailedState !== read.state ? `${read.state} (${read.detailedState})` : read.state;
  if (!stateShowsDone(action, read)) return `Druid still reports it ${state} (${when}); the change shows once its supervisor loop has run.`;
  if (stateSettled(read)) return `Druid reports it ${state} (${when}).`;
  return `Druid reports it ${read.suspended ? 'suspended' : 'resumed'}; its state reads ${state} until its supervisor loop next runs (${when}).`;
}
