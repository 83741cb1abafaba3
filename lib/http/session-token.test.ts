import { describe, expect, it } from 'vitest';
import { passwordTag, readSession, signSession } from './session-token';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const claims = { user: 'ana', role: 'operator' as const, expiresAt: 2_000_000, passwordTag: 'tag' };

describe('session tokens', () => {
  it('carry user, role and expiry, signed', () => {
    const token = signSession(claims, SECRET);
    expect(readSession(token, SECRET, 1_000_000)).toEqual({ ok: true, claims });
  });

  it('end at their expiry', () => {
    const token = signSession(claims, SECRET);
    expect(readSession(token, SECRET, 1_999_999).ok).toBe(true);
    expect(readSession(token, SECRET, 2_000_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('are refused when anything in them is changed: role, user, expiry or signature', () => {
    const token = signSession(claims, SECRET);
    const [payload, signature] = token.split('.');
    const tampered = (change: Record<string, unknown>) => {
      const json = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...change };
      return `${Buffer.from(JSON.stringify(json)).toString('base64url')}.${signature}`;
    };
    expect(readSession(tampered({ r: 'admin' }), SECRET, 0)).toEqual({ ok: false, reason: 'forged' });
    expect(readSession(tampered({ u: 'root' }), SECRET, 0)).toEqual({ ok: false, reason: 'forged' });
    expect(readSession(tampered({ exp: 9_999_999_999 }), SECRET, 0)).toEqual({ ok: false, reason: 'forged' });
    expect(readSession(`${payload}.${signature.slice(0, -2)}AA`, SECRET, 0)).toEqual({ ok: false, reason: 'forged' });
    expect(readSession(token, 'another-secret-of-at-least-32-characters!', 0)).toEqual({ ok: false, reason: 'forged' });
  });

  it('are refused when they are not tokens at all', () => {
    for (const junk of ['', 'abc', 'a.b.c', '.sig', '%%%.%%%']) expect(readSession(junk, SECRET, 0).ok).toBe(false);
  });

  it('tie a session to a password without revealing its hash', () => {
    const hash = 'scrypt$32768$8$3$salt$key';
    expect(passwordTag(hash)).toHaveLength(16);
    expect(passwordTag(hash)).toBe(passwordTag(hash));
    expect(passwordTag(`${hash}x`)).not.toBe(passwordTag(hash));
  });
});
