import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, rememberingVerifier, SCRYPT_PARAMS, verifyPassword } from './passwords';

const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashes', () => {
  it('store scrypt with its parameters and a random salt, never the password', async () => {
    const hash = await hashPassword('correct horse battery', SCRYPT_PARAMS);
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain('correct horse battery');
    expect(await hashPassword('correct horse battery', SCRYPT_PARAMS)).not.toBe(hash);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  });

  it('refuse a wrong password, a near miss and an empty one', async () => {
    const hash = await hashPassword('s3cret-enough', FAST);
    expect(await verifyPassword('s3cret-enough', hash)).toBe(true);
    expect(await verifyPassword('s3cret-enough ', hash)).toBe(false);
    expect(await verifyPassword('S3cret-enough', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('verify with the parameters stored in the hash, so raising the cost later keeps old hashes valid', async () => {
    const old = await hashPassword('still valid pw', { N: 2048, r: 4, p: 1 });
    expect(await verifyPassword('still valid pw', old)).toBe(true);
  });

  it('treat a plain password or a damaged hash as no match, without asking scrypt for absurd memory', async () => {
    expect(isPasswordHash('hunter2')).toBe(false);
    expect(await verifyPassword('hunter2', 'hunter2')).toBe(false);
    expect(isPasswordHash('scrypt$1000$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5')).toBe(false); // N not a power of two
    expect(isPasswordHash(`scrypt$${2 ** 24}$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5`)).toBe(false);
    expect(isPasswordHash((await hashPassword('x'.repeat(12), FAST)).replace(/\$[\w-]+$/, '$'))).toBe(false);
  });

  it('remember a correct password for a while so scripts sending it on every call stay fast, but never a wrong one', async () => {
    let now = 0;
    const verify = rememberingVerifier({ ttlMs: 1000, now: () => now });
    const hash = await hashPassword('remember me pw', FAST);
    expect(await verify('wrong password', hash)).toBe(false);
    expect(await verify('remember me pw', hash)).toBe(true);
    expect(await verify('remember me pw', hash)).toBe(true);
    expect(await verify('wrong password', hash)).toBe(false);
    // A new hash for the user (a new password) is not covered by what was remembered.
    const replaced = await hashPassword('another one pw', FAST);
    expect(await verify('remember me pw', replaced)).toBe(false);
    now = 5000;
    expect(await verify('remember me pw', hash)).toBe(true);
  });
});
