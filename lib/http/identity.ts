// Who is making a request, and what their role lets them do.
// viewer: read, sample, infer, validate, query. operator: + submit, check with Druid, suspend,
// resume, handoff. admin: + reset, reset offsets, terminate, bulk actions, the audit trail.
// Framework-free and free of Node APIs: the browser imports it too.

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** How Tributary recognises people (TRIBUTARY_AUTH). */
export const AUTH_MODES = ['open', 'users', 'proxy'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export interface Identity {
  /** The signed-in user's name; null in open mode, where nobody signs in, and when nobody is signed in. */
  readonly user: string | null;
  readonly role: Role;
  /** How the user was recognised; 'none' only on routes open to anyone, when nobody is signed in. */
  readonly via: 'open' | 'session' | 'basic' | 'proxy' | 'none';
}

export function roleAllows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** The lesser of two roles: TRIBUTARY_READ_ONLY caps every role at viewer. */
export function capRole(role: Role, readOnly: boolean): Role {
  return readOnly ? 'viewer' : role;
}

/** "an admin", "a viewer". */
export function withArticle(role: Role): string {
  return `${role === 'admin' || role === 'operator' ? 'an' : 'a'} ${role}`;
}

/** Why a role may not do something, in the words the UI and the API both use. */
export function roleRefusal(what: string | readonly string[], need: Role, have: Role): string {
  const things = typeof what === 'string' ? [what] : what;
  const subject = things.length > 1 ? `${things.slice(0, -1).join(', ')} and ${things.at(-1)}` : (things[0] ?? 'This');
  return `${subject} ${things.length > 1 ? 'need' : 'needs'} the ${need} role; you are ${withArticle(have)}.`;
}
