// Slows password guessing: after too many failed sign-ins for one user name, or from one address,
// within a window, further attempts are refused until the window passes. Kept in memory: each
// app instance counts on its own, which bounds guessing without any shared store.

export interface ThrottleOptions {
  /** Failures a key may have in a window; per key when a function (a shared proxy address deserves more than one name). */
  readonly maxFailures?: number | ((key: string) => number);
  readonly windowMs?: number;
  readonly now?: () => number;
}

const MAX_TRACKED_KEYS = 10_000;

export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();
  private readonly maxFailures: (key: string) => number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: ThrottleOptions = {}) {
    const max = options.maxFailures ?? 10;
    this.maxFailures = typeof max === 'number' ? () => max : max;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Seconds until these keys may try again; 0 when they may now. */
  retryAfterSeconds(keys: readonly string[]): number {
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (!entry) continue;
      if (now - entry.since >= this.windowMs) this.failures.delete(key);
      else if (entry.count >= this.maxFailures(key)) wait = Math.max(wait, Math.ceil((entry.since + this.windowMs - now) / 1000));
    }
    return wait;
  }

  failed(keys: readonly string[]): void {
    const now = this.now();
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (entry && now - entry.since < this.windowMs) entry.count++;
      else {
        if (this.failures.size >= MAX_TRACKED_KEYS) this.failures.delete(this.failures.keys().next().value!);
        this.failures.set(key, { count: 1, since: now });
      }
    }
  }

  succeeded(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
