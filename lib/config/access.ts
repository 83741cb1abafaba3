// The access part of the environment: TRIBUTARY_AUTH and what each mode needs (documented in
// .env.example). config.ts spreads these fields into its schema and calls accessConfig.
import { z } from 'zod';
import type { AccessConfig } from '../http/access';
import { issueWithAddressEntry } from '../http/addresses';
import { AUTH_MODES, ROLES, type Role } from '../http/identity';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const headerName = z
  .string()
  .regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name such as X-Forwarded-User')
  .transform((name) => name.toLowerCase());

const addressList = z
  .string()
  .transform((s) => s.split(',').map((a) => a.trim()).filter(Boolean))
  .superRefine((entries, ctx) => {
    if (entries.length === 0) ctx.addIssue({ code: 'custom', message: 'must list at least one address, such as 10.0.0.5 or 10.0.0.0/24' });
    for (const entry of entries) {
      const issue = issueWithAddressEntry(entry);
      if (issue) ctx.addIssue({ code: 'custom', message: issue });
    }
  });

const ROLE_MAP_RULE = `must be group=role pairs separated by commas, such as druid-admins=admin,druid-ops=operator; roles are ${ROLES.join(', ')}`;

/** "druid-admins=admin,druid-ops=operator": the last "=" separates, so groups may contain one (LDAP DNs). */
const roleMap = z.string().transform((text, ctx) => {
  const roles: Record<string, Role> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.lastIndexOf('=');
    const group = pair.slice(0, eq).trim();
    const role = pair.slice(eq + 1).trim();
    if (eq <= 0 || !group || !(ROLES as readonly string[]).includes(role)) {
      ctx.addIssue({ code: 'custom', message: `${ROLE_MAP_RULE} ("${pair}" is not)` });
      return z.NEVER;
    }
    roles[group] = role as Role;
  }
  return roles;
});

export const AccessEnvFields = {
  /** How people are recognised: open (a laptop), users (a users file and a sign-in page), proxy (a trusted sign-in proxy). */
  TRIBUTARY_AUTH: z.enum(AUTH_MODES, { message: `must be one of ${AUTH_MODES.join(', ')}` }).default('open'),
  /** Replaced by TRIBUTARY_AUTH=users; read only to say so. */
  TRIBUTARY_BASIC_AUTH: z.string().optional(),
  /** When true, every role is capped at viewer: actions and submits are refused. */
  TRIBUTARY_READ_ONLY: bool.default(false),
  /** Where `npm start` listens; 127.0.0.1 in open mode when unset (scripts/start.ts). */
  TRIBUTARY_HOST: z.string().regex(/^[^\s/]+$/, 'must be a host name or an address such as 0.0.0.0').optional(),
  TRIBUTARY_USERS_FILE: z.string().default('.tributary/users.json'),
  TRIBUTARY_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32 makes one)').optional(),
  TRIBUTARY_SESSION_HOURS: z.coerce.number({ message: 'must be a number of hours' }).positive('must be more than 0').max(720, 'must be at most 720 (30 days)').default(12),
  TRIBUTARY_PROXY_ADDRESSES: addressList.optional(),
  TRIBUTARY_PROXY_USER_HEADER: headerName.default('x-forwarded-user'),
  TRIBUTARY_PROXY_EMAIL_HEADER: headerName.default('x-forwarded-email'),
  TRIBUTARY_PROXY_GROUPS_HEADER: headerName.default('x-forwarded-groups'),
  TRIBUTARY_PROXY_ROLES: roleMap.optional(),
  TRIBUTARY_PROXY_DEFAULT_ROLE: z.enum([...ROLES, 'none'], { message: `must be one of ${ROLES.join(', ')} or none` }).default('viewer'),
};

/** Variables whose values a configuration error must never repeat. */
// DATABASE_URL may carry the store's password.
export const SECRET_VARIABLES: ReadonlySet<string> = new Set(['TRIBUTARY_BASIC_AUTH', 'TRIBUTARY_SESSION_SECRET', 'DATABASE_URL']);

type AccessEnv = z.output<z.ZodObject<typeof AccessEnvFields>>;

/** Problems no single variable shows: a retired variable, what a mode requires. */
export function refineAccess(env: AccessEnv, ctx: z.RefinementCtx): void {
  if (env.TRIBUTARY_BASIC_AUTH !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['TRIBUTARY_BASIC_AUTH'],
      message: 'is no longer read: set TRIBUTARY_AUTH=users and add each person with `npm run user -- add NAME --role admin|operator|viewer`',
    });
  }
  if (env.TRIBUTARY_AUTH === 'proxy' && !env.TRIBUTARY_PROXY_ADDRESSES) {
    ctx.addIssue({
      code: 'custom',
      path: ['TRIBUTARY_PROXY_ADDRESSES'],
      message: 'is required with TRIBUTARY_AUTH=proxy: the addresses (IPs or CIDR ranges) your sign-in proxy connects from',
    });
  }
}

export function accessConfig(env: AccessEnv): AccessConfig {
  const readOnly = env.TRIBUTARY_READ_ONLY;
  if (env.TRIBUTARY_AUTH === 'users') {
    return { mode: 'users', readOnly, users: { file: env.TRIBUTARY_USERS_FILE, sessionHours: env.TRIBUTARY_SESSION_HOURS, sessionSecret: env.TRIBUTARY_SESSION_SECRET } };
  }
  if (env.TRIBUTARY_AUTH === 'proxy') {
    return {
      mode: 'proxy',
      readOnly,
      proxy: {
        addresses: env.TRIBUTARY_PROXY_ADDRESSES ?? [],
        userHeader: env.TRIBUTARY_PROXY_USER_HEADER,
        emailHeader: env.TRIBUTARY_PROXY_EMAIL_HEADER,
        groupsHeader: env.TRIBUTARY_PROXY_GROUPS_HEADER,
        roles: env.TRIBUTARY_PROXY_ROLES ?? {},
        defaultRole: env.TRIBUTARY_PROXY_DEFAULT_ROLE,
      },
    };
  }
  return { mode: 'open', readOnly };
}

/**
 * The host `npm start` listens on: TRIBUTARY_HOST when set; in open mode, where everyone who
 * reaches the page is admin, loopback only; otherwise every interface (Next's default).
 */
export function listenHost(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const host = env.TRIBUTARY_HOST?.trim();
  if (host) return host;
  const mode = env.TRIBUTARY_AUTH?.trim() || 'open';
  return mode === 'open' ? '127.0.0.1' : undefined;
}
