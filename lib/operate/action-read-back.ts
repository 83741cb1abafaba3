// What an action's answer says Druid did: the supervisor's state read back after the action, not
// only that Druid answered 200. Druid applies suspend, resume and terminate in its supervisor loop,
// so the first read may still show the state before; the caller reads again until it shows done. Pure.
import type { SupervisorAction } from './schemas';

/** The supervisor's state as its status reads, or gone once Druid no longer has it. */
export type ReadBackState = { readonly gone: true } | { readonly gone: false; readonly state: string; readonly detailedState: string };

/** True when the state read back shows the action carried out; actions that do not show in the state count as done at once. */
export function stateShowsDone(action: SupervisorAction, read: ReadBackState): boolean {
  switch (action) {
    case 'suspend':
      return !read.gone && read.state === 'SUSPENDED';
    case 'resume':
      return !read.gone && read.state !== 'SUSPENDED';
    case 'terminate':
      return read.gone;
    default:
      return true;
  }
}

/** "hh:mm:ss UTC" of a moment, for answers that say when Druid was read. */
export function clockTime(at: number): string {
  return `${new Date(at).toISOString().slice(11, 19)} UTC`;
}

/** The state a result row shows: Druid's state, "gone" once terminated, null when it could not be read. */
export function stateLabel(read: ReadBackState | undefined): string | null {
  if (!read) return null;
  return read.gone ? 'gone' : read.state;
}

/** One sentence for the user: what reading the supervisor back found, and when. */
export function describeReadBack(action: SupervisorAction, read: ReadBackState | undefined, at: number): string {
  const when = `read at ${clockTime(at)}`;
  if (!read) return `Its status could not be read back (${when}); check the status page.`;
  if (read.gone) return `Druid no longer lists it (${when}).`;
  const state = read.detailedState !== read.state ? `${read.state} (${read.detailedState})` : read.state;
  if (stateShowsDone(action, read)) return `Druid reports it ${state} (${when}).`;
  return `Druid still reports it ${state} (${when}); the change shows once its supervisor loop has run.`;
}
