// The app's own access settings: optional HTTP basic auth and a read-only mode.
import { ApiError } from './api-error';
import type { Identity } from './identity';

export interface AccessConfig {
  readonly basicAuth?: { readonly username: string; readonly password: string };
  readonly readOnly: boolean;
}

export function checkAccess(request: Request, access: AccessConfig, mutates: boolean): Identity {
  if (access.basicAuth && !hasCredentials(request.headers.get('authorization'), access.basicAuth)) {
    throw new ApiError(401, 'unauthorized', 'Sign in to Tributary: this instance requires a user name and password.');
  }
  if (mutates && access.readOnly) {
    throw new ApiError(403, 'read_only', 'This Tributary instance is read-only (TRIBUTARY_READ_ONLY=true): actions and submits are disabled.');
  }
  const role = access.readOnly ? 'viewer' : 'admin';
  return access.basicAuth ? { user: access.basicAuth.username, role, via: 'basic' } : { user: null, role, via: 'open' };
}

export function hasCredentials(header: string | null, expected: { username: string; password: string }): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const decoded = atob(header.slice(6).trim());
  const colon = decoded.indexOf(':');
  return colon > 0 && constantTimeEqual(decoded.slice(0, colon), expected.username) && constantTimeEqual(decoded.slice(colon + 1), expected.password);
}

function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
