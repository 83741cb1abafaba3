// Stateless session tokens for the sign-in cookie: the claims in base64url JSON, then an
// HMAC-SHA256 of them under the session secret. Nothing is stored on the server, so any number
// of app instances sharing the secret accept each other's sessions.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type Role } from './identity';

export interface SessionClaims {
  readonly user: string;
  /** The role when the session began; the users file's current role is what counts. */
  readonly role: Role;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  /** Ties the session to the password it was opened with: a new password ends older sessions. */
  readonly passwordTag: string;
}

const ClaimsSchema = z.object({
  u: z.string().min(1),
  r: z.enum(ROLES),
  exp: z.number().int().positive(),
  pw: z.string(),
});

export type SessionReading =
  | { readonly ok: true; readonly claims: SessionClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'forged' | 'expired' };

function mac(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function signSession(claims: SessionClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ u: claims.user, r: claims.role, exp: claims.expiresAt, pw: claims.passwordTag })).toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

export function readSession(token: string, secret: string, now: number = Date.now()): SessionReading {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'malformed' };
  const payload = token.slice(0, dot);
  const signature = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(payload, secret);
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return { ok: false, reason: 'forged' };
  let parsed: z.infer<typeof ClaimsSchema>;
  try {
    parsed = ClaimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (parsed.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { user: parsed.u, role: parsed.r, expiresAt: parsed.exp, passwordTag: parsed.pw } };
}

/** A short digest of a stored password hash (itself salted), safe to carry in a readable token. */
export function passwordTag(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 16);
}
