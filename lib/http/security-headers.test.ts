import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, contentSecurityPolicy, newNonce, withPagePolicy } from './security-headers';

describe('contentSecurityPolicy', () => {
  it('runs only scripts that carry the nonce, forbids framing and plugins', () => {
    const policy = contentSecurityPolicy('abc123');
    const directives = Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['script-src']).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['default-src']).toBe("'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy('n', { dev: true })).toContain("'unsafe-eval'");
  });
});

describe('newNonce', () => {
  it('is new each time and fits a CSP source expression', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('applySecurityHeaders', () => {
  it('sets nosniff, the referrer policy, no framing and no shared caching', () => {
    const headers = new Headers({ 'cache-control': 'public, s-maxage=31536000' });
    applySecurityHeaders(headers);
    expect(Object.fromEntries(headers)).toEqual({
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'referrer-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
  });
});

describe('withPagePolicy', () => {
  it("hands the page's renderer the nonce and the policy, keeping the request's own headers", () => {
    const original = new Headers({ host: 'localhost:3000', cookie: 'a=b' });
    const headers = withPagePolicy(original, 'n0nce', contentSecurityPolicy('n0nce'));
    expect(headers.get('x-nonce')).toBe('n0nce');
    expect(headers.get('content-security-policy')).toContain("'nonce-n0nce'");
    expect(headers.get('cookie')).toBe('a=b');
    expect(original.has('x-nonce')).toBe(false);
  });
});
