// The role each supervisor action needs. Operators keep ingestion flowing (pause, resume, publish
// now); what can skip or re-read data, or stop ingestion for good, is for admins.
import type { Role } from '../http/identity';
import type { SupervisorAction } from './schemas';

const ACTION_ROLES: Readonly<Record<SupervisorAction, Role>> = {
  suspend: 'operator',
  resume: 'operator',
  handoff: 'operator',
  reset: 'admin',
  resetOffsets: 'admin',
  terminate: 'admin',
};

/** The label a person sees on the action's button, for refusals that name it. */
export const ACTION_LABELS: Readonly<Record<SupervisorAction, string>> = {
  suspend: 'Suspend',
  resume: 'Resume',
  handoff: 'Hand off',
  reset: 'Reset',
  resetOffsets: 'Move offsets',
  terminate: 'Terminate',
};

export function roleForAction(action: SupervisorAction): Role {
  return ACTION_ROLES[action];
}

/** Submitting or updating a supervisor spec, and checking one with Druid's sampler. */
export const SUBMIT_ROLE: Role = 'operator';
