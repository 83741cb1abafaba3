import { describe, expect, it } from 'vitest';
import { safeNextPath, SignInRequestSchema } from './me';

describe('after signing in', () => {
  it('goes back to a page of this site, never to another origin', () => {
    expect(safeNextPath('/supervisors?q=clicks')).toBe('/supervisors?q=clicks');
    expect(safeNextPath(null)).toBe('/');
    for (const elsewhere of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '']) expect(safeNextPath(elsewhere)).toBe('/');
  });

  it('says which field of the sign-in is missing', () => {
    const parsed = SignInRequestSchema.safeParse({ user: '  ', password: '' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['user: enter your user name', 'password: enter your password']);
  });
});
