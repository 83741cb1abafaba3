// Who is asking, and whether their role may do what they ask (TRIBUTARY_AUTH):
//   open   nobody signs in; everyone is admin (viewer when read-only). For a laptop.
//   users  a users file; a signed session cookie from /sign-in, or Basic credentials for scripts.
//   proxy  a trusted reverse proxy (oauth2-proxy and the like) names the user and their groups.
// TRIBUTARY_READ_ONLY caps every role at viewer, whatever the mode.
import { ApiError } from './api-error';
import { addressMatches, normalizeAddress } from './addresses';
import { capRole, roleAllows, roleRefusal, ROLES, type AuthMode, type Identity, type Role } from './identity';
import { hashPassword, verifyPassword, SCRYPT_PARAMS } from './passwords';
import { passwordTag, readSession, signSession } from './session-token';
import { SignInThrottle } from './sign-in-throttle';
import type { StoredUser } from './users-file';

export const SESSION_COOKIE = 'tributary_session';

export interface UsersSettings {
  readonly file: string;
  readonly sessionHours: number;
  /** TRIBUTARY_SESSION_SECRET; when absent, a secret kept beside the users file. */
  readonly sessionSecret?: string;
}

export interface ProxySettings {
  /** Addresses and CIDR ranges the proxy connects from; identity headers from anywhere else are refused. */
  readonly addresses: readonly string[];
  readonly userHeader: string;
  readonly emailHeader: string;
  readonly groupsHeader: string;
  /** Group name -> role; a user in several groups gets the highest. */
  readonly roles: Readonly<Record<string, Role>>;
  /** The role of a user in none of the mapped groups; 'none' refuses them. */
  readonly defaultRole: Role | 'none';
}

export type AccessConfig =
  | { readonly mode: 'open'; readonly readOnly: boolean }
  | { readonly mode: 'users'; readonly readOnly: boolean; readonly users: UsersSettings }
  | { readonly mode: 'proxy'; readonly readOnly: boolean; readonly proxy: ProxySettings };

export interface UserLookup {
  find(name: string): StoredUser | undefined;
  count(): number;
}

/** The access settings and what applying them needs at run time. */
export interface Access {
  readonly config: AccessConfig;
  /** The users file (users mode). */
  readonly users?: UserLookup;
  /** The key that signs session cookies (users mode). */
  readonly sessionSecret?: () => string;
  readonly verifyPassword?: (password: string, hash: string) => Promise<boolean>;
  readonly throttle?: SignInThrottle;
  readonly now?: () => number;
}

const OPEN_ADMIN: Identity = { user: null, role: 'admin', via: 'open' };
const NOBODY: Identity = { user: null, role: 'viewer', via: 'none' };
const SIGN_IN_HINT = 'Sign in at /sign-in, or send a user name and password with each call (curl -u NAME).';

/**
 * Who is asking. Undefined when nobody is signed in; throws a 401 naming the problem when
 * credentials were offered and are wrong, and a 403 when the proxy's user maps to no role.
 */
export async function identify(request: Request, access: Access, peer: string | null): Promise<Identity | undefined> {
  const { config } = access;
  if (config.mode === 'open') return { user: null, role: capRole('admin', config.readOnly), via: 'open' };
  if (config.mode === 'proxy') return identifyFromProxy(request, config.proxy, config.readOnly, peer);

  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const { user, password } = parseBasicAuth(authorization);
    const stored = await checkPassword(access, user, password, clientAddressOf(request, peer, config));
    return { user: stored.name, role: capRole(stored.role, config.readOnly), via: 'basic' };
  }
  const token = cookieValue(request.headers.get('cookie'), SESSION_COOKIE);
  if (token === undefined) return undefined;
  const reading = readSession(token, secretOf(access), (access.now ?? Date.now)());
  if (!reading.ok) {
    throw new ApiError(401, reading.reason === 'expired' ? 'session_expired' : 'invalid_session', reading.reason === 'expired' ? `Your session has ended. ${SIGN_IN_HINT}` : `Your session is not valid here (it may come from another Tributary). ${SIGN_IN_HINT}`);
  }
  const stored = usersOf(access).find(reading.claims.user);
  if (!stored || passwordTag(stored.password) !== reading.claims.passwordTag) {
    throw new ApiError(401, 'session_ended', `Your session has ended: your user was removed or given a new password. ${SIGN_IN_HINT}`);
  }
  return { user: stored.name, role: capRole(stored.role, config.readOnly), via: 'session' };
}

/**
 * The identity a route runs as: the signed-in user, or — on routes open to anyone — nobody in
 * particular. Throws 401 when the route needs someone and nobody is signed in.
 */
export async function admit(request: Request, access: Access | undefined, peer: string | null, openToAnyone: boolean): Promise<Identity> {
  if (!access) return OPEN_ADMIN;
  if (openToAnyone) {
    try {
      return (await identify(request, access, peer)) ?? NOBODY;
    } catch {
      return NOBODY;
    }
  }
  const identity = await identify(request, access, peer);
  if (identity) return identity;
  throw new ApiError(401, 'unauthenticated', `Sign in to Tributary: this instance lets only its users in. ${SIGN_IN_HINT}`);
}

/** Throws 403 naming the role needed and the caller's role when theirs is not enough. */
export function authorize(identity: Identity, need: Role, readOnly: boolean, what = 'This request'): void {
  if (roleAllows(identity.role, need)) return;
  if (readOnly) {
    throw new ApiError(403, 'read_only', 'This Tributary instance is read-only (TRIBUTARY_READ_ONLY=true): actions and submits are disabled.');
  }
  throw new ApiError(403, 'forbidden', roleRefusal(what, need, identity.role), { need, role: identity.role, user: identity.user });
}

/** Checks a user's password (users mode) and opens a session: the cookie's token and when it ends. */
export async function signIn(request: Request, access: Access, peer: string | null, name: string, password: string): Promise<{ identity: Identity; token: string; expiresAt: number }> {
  const { config } = access;
  if (config.mode !== 'users') {
    throw new ApiError(409, 'no_sign_in', config.mode === 'open' ? 'This Tributary instance has no sign-in: everyone who reaches it may use it (TRIBUTARY_AUTH=open).' : 'This Tributary instance is signed into through its proxy (TRIBUTARY_AUTH=proxy), not here.');
  }
  const stored = await checkPassword(access, name, password, clientAddressOf(request, peer, config));
  const expiresAt = (access.now ?? Date.now)() + config.users.sessionHours * 3_600_000;
  const token = signSession({ user: stored.name, role: stored.role, expiresAt, passwordTag: passwordTag(stored.password) }, secretOf(access));
  return { identity: { user: stored.name, role: capRole(stored.role, config.readOnly), via: 'session' }, token, expiresAt };
}

let dummyHash: Promise<string> | undefined;

async function checkPassword(access: Access, name: string, password: string, address: string | null): Promise<StoredUser> {
  const users = usersOf(access);
  const throttle = access.throttle;
  const keys = [`user:${name}`, ...(address ? [`address:${address}`] : [])];
  const wait = throttle?.retryAfterSeconds(keys) ?? 0;
  if (wait > 0) throw new ApiError(429, 'too_many_attempts', `Too many failed sign-ins for this user or from this address: try again in ${Math.ceil(wait / 60)} min.`, { retryAfterSeconds: wait });
  const stored = users.find(name);
  // An unknown user costs as much time as a wrong password, so answers do not tell which names exist.
  dummyHash ??= hashPassword('not a password', SCRYPT_PARAMS);
  const ok = await (access.verifyPassword ?? verifyPassword)(password, stored?.password ?? (await dummyHash));
  if (stored && ok) {
    throttle?.succeeded([`user:${name}`]);
    return stored;
  }
  throttle?.failed(keys);
  if (users.count() === 0) {
    throw new ApiError(401, 'no_users', 'No one can sign in yet: the users file is empty. On the server, add a user with `npm run user -- add NAME --role admin`.');
  }
  throw new ApiError(401, 'invalid_credentials', 'Wrong user name or password.');
}

function identifyFromProxy(request: Request, proxy: ProxySettings, readOnly: boolean, peer: string | null): Identity {
  if (!peer || !addressMatches(peer, proxy.addresses)) {
    throw new ApiError(401, 'not_from_proxy', `Tributary accepts users only through its sign-in proxy (TRIBUTARY_PROXY_ADDRESSES); this request came from ${peer ?? 'an unknown address'}.`);
  }
  const user = request.headers.get(proxy.userHeader)?.trim() || request.headers.get(proxy.emailHeader)?.trim();
  if (!user) {
    throw new ApiError(401, 'no_proxy_user', `The sign-in proxy sent no user: Tributary reads ${proxy.userHeader} or ${proxy.emailHeader}.`);
  }
  const groups = (request.headers.get(proxy.groupsHeader) ?? '').split(',').map((g) => g.trim()).filter(Boolean);
  const mapped = groups.flatMap((g) => (Object.hasOwn(proxy.roles, g) ? [proxy.roles[g]] : []));
  const role = mapped.length > 0 ? highestRole(mapped) : proxy.defaultRole;
  if (role === 'none') {
    throw new ApiError(403, 'no_role', `${user} is in no group that has a role in Tributary (TRIBUTARY_PROXY_ROLES); groups: ${groups.join(', ') || 'none'}.`);
  }
  return { user, role: capRole(role, readOnly), via: 'proxy' };
}

function highestRole(roles: readonly Role[]): Role {
  return roles.reduce((best, role) => (ROLES.indexOf(role) > ROLES.indexOf(best) ? role : best));
}

function usersOf(access: Access): UserLookup {
  if (!access.users) throw new Error('users mode needs the users file');
  return access.users;
}

function secretOf(access: Access): string {
  if (!access.sessionSecret) throw new Error('users mode needs a session secret');
  return access.sessionSecret();
}

/** The user name and password of a Basic Authorization header; a 401 saying what is wrong with any other. */
export function parseBasicAuth(header: string): { user: string; password: string } {
  const match = /^Basic\s+(\S*)\s*$/i.exec(header);
  if (!match) {
    const scheme = header.trim().split(/\s+/)[0] ?? '';
    throw new ApiError(401, 'invalid_authorization', `The Authorization header must be Basic credentials (curl -u NAME:PASSWORD)${scheme ? `; got the ${scheme.slice(0, 20)} scheme` : ''}.`);
  }
  const encoded = match[1];
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    throw new ApiError(401, 'invalid_authorization', 'The Authorization header\'s Basic credentials are not valid base64.');
  }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new ApiError(401, 'invalid_authorization', 'The Authorization header\'s Basic credentials must be NAME:PASSWORD.');
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Whether the browser reached Tributary over https, directly or through a proxy that says so. */
export function requestIsHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded ? forwarded === 'https' : new URL(request.url).protocol === 'https:';
}

export function sessionCookie(token: string, expiresAt: number, secure: boolean, now: number = Date.now()): string {
  const maxAge = Math.max(0, Math.floor((expiresAt - now) / 1000));
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}; Expires=${new Date(expiresAt).toUTCString()}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT${secure ? '; Secure' : ''}`;
}

/**
 * The client's address for the audit trail. `peer` is the address that connected to Tributary;
 * when that is a trusted proxy, the client is the last address the proxy added to
 * X-Forwarded-For. A client's own X-Forwarded-For is never believed.
 */
export function clientAddressOf(request: Request, peer: string | null, config?: AccessConfig): string | null {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || null;
  if (peer === null) return forwarded ? normalizeAddress(forwarded) : null;
  if (config?.mode === 'proxy' && forwarded && addressMatches(peer, config.proxy.addresses)) return normalizeAddress(forwarded);
  return normalizeAddress(peer);
}

export type { AuthMode };
