// Who is making a request, and what their role lets them do.
// viewer: read, sample, infer, validate, query. operator: + submit, check with Druid, suspend,
// resume, handoff. admin: + reset, reset offsets, terminate, bulk actions, the audit trail.

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  /** The signed-in user's name; null in open mode, where nobody signs in. */
  readonly user: string | null;
  readonly role: Role;
  /** How the user was recognised. */
  readonly via: 'open' | 'session' | 'basic' | 'proxy';
}

export function roleAllows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}
