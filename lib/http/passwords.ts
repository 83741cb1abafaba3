// Password hashes for the users file: scrypt (Node's built-in) with a random salt, the cost
// parameters stored with each hash so they can be raised later without breaking old hashes.
//   scrypt$<N>$<r>$<p>$<salt, base64url>$<key, base64url>
import { createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  /** Block size. */
  readonly r: number;
  /** Parallelisation. */
  readonly p: number;
}

// One of OWASP's scrypt settings (Password Storage Cheat Sheet): N=2^15, r=8, p=3 costs 32 MiB,
// where N=2^17, p=1 would cost 128 MiB for each sign-in on a small server.
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds on what a stored hash may ask for, so a damaged users file cannot exhaust the server.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, params: ScryptParams, keyBytes: number): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  readonly params: ScryptParams;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((n) => (/^\d{1,8}$/.test(n) ? Number(n) : NaN));
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return undefined;
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (salt.length < 8 || key.length < 16) return undefined;
  return { params: { N, r, p }, salt, key };
}

/** Whether a string has the shape hashPassword writes; the users file refuses anything else. */
export function isPasswordHash(stored: string): boolean {
  return parseHash(stored) !== undefined;
}

/** True when the password matches; false for a wrong password or a hash that is not scrypt's. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/**
 * verifyPassword with a memory of recent successes, for scripts that send Basic credentials
 * with every call: scrypt is slow on purpose, and a script polling every second would pay it
 * each time. Only an HMAC of (hash, password) under a per-process key is kept, never the password.
 */
export function rememberingVerifier(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxEntries = options.maxEntries ?? 1_000;
  const now = options.now ?? Date.now;
  const key = randomBytes(32);
  const remembered = new Map<string, number>();
  return async (password: string, stored: string): Promise<boolean> => {
    const id = createHmac('sha256', key).update(stored).update('\0').update(password).digest('base64url');
    const until = remembered.get(id);
    if (until !== undefined && until > now()) return true;
    remembered.delete(id);
    const ok = await verifyPassword(password, stored);
    if (ok) {
      if (remembered.size >= maxEntries) remembered.delete(remembered.keys().next().value!);
      remembered.set(id, now() + ttlMs);
    }
    return ok;
  };
}
