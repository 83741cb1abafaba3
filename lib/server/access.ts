// The process's access settings with what they need at run time: the users file (re-read when
// it changes), the session secret, remembered Basic credentials and the sign-in throttle.
// No 'server-only' here: proxy.ts, Next's request proxy, uses it too.
import { rememberingVerifier, sessionSecretBeside, SignInThrottle, UsersDirectory, type Access, type AccessConfig } from '@/lib/http';

let current: { readonly config: AccessConfig; readonly access: Access } | undefined;

/** The Access for the configuration's access settings (getConfig().access), made once. */
export function accessFor(config: AccessConfig): Access {
  if (current?.config === config) return current.access;
  let access: Access = { config };
  if (config.mode === 'users') {
    let secret = config.users.sessionSecret;
    access = {
      config,
      users: new UsersDirectory(config.users.file),
      sessionSecret: () => (secret ??= sessionSecretBeside(config.users.file)),
      verifyPassword: rememberingVerifier(),
      // Ten guesses a name per window; an address (perhaps a proxy everyone comes through) may fail more.
      throttle: new SignInThrottle({ maxFailures: (key) => (key.startsWith('address:') ? 100 : 10) }),
    };
  }
  current = { config, access };
  return access;
}

/** What the server log says about access when Tributary starts. */
export function accessStartupNotes(config: AccessConfig): string[] {
  const readOnly = config.readOnly ? ' Read-only: every role is capped at viewer.' : '';
  if (config.mode === 'open') {
    return [`Access: open (TRIBUTARY_AUTH=open): anyone who can reach Tributary may use it as ${config.readOnly ? 'viewer' : 'admin'}.${readOnly} Set TRIBUTARY_AUTH=users or proxy before exposing it.`];
  }
  if (config.mode === 'proxy') {
    return [`Access: through a sign-in proxy at ${config.proxy.addresses.join(', ')}; user from ${config.proxy.userHeader} or ${config.proxy.emailHeader}, groups from ${config.proxy.groupsHeader}.${readOnly}`];
  }
  const users = new UsersDirectory(config.users.file).count();
  return [
    `Access: users from ${config.users.file} (${users} user${users === 1 ? '' : 's'}), sessions of ${config.users.sessionHours} h.${readOnly}`,
    ...(users === 0 ? ['No one can sign in yet: add a user with `npm run user -- add NAME --role admin`.'] : []),
  ];
}
