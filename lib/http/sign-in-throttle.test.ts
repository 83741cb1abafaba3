import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle';

describe('sign-in throttle', () => {
  it('refuses a key after too many failures until its window passes', () => {
    let now = 0;
    const throttle = new SignInThrottle({ maxFailures: 3, windowMs: 60_000, now: () => now });
    const keys = ['user:ana', 'address:10.0.0.9'];
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterSeconds(keys)).toBe(0);
      throttle.failed(keys);
    }
    expect(throttle.retryAfterSeconds(keys)).toBe(60);
    expect(throttle.retryAfterSeconds(['user:bob', 'address:10.0.0.9'])).toBe(60);
    expect(throttle.retryAfterSeconds(['user:bob', 'address:10.0.0.10'])).toBe(0);
    now = 45_000;
    expect(throttle.retryAfterSeconds(keys)).toBe(15);
    now = 60_000;
    expect(throttle.retryAfterSeconds(keys)).toBe(0);
  });

  it('forgets a user name\'s failures once they sign in', () => {
    const throttle = new SignInThrottle({ maxFailures: 2 });
    throttle.failed(['user:ana']);
    throttle.succeeded(['user:ana']);
    throttle.failed(['user:ana']);
    expect(throttle.retryAfterSeconds(['user:ana'])).toBe(0);
  });

  it('can allow an address more failures than a name, as many people may share one address', () => {
    const throttle = new SignInThrottle({ maxFailures: (key) => (key.startsWith('address:') ? 3 : 1) });
    throttle.failed(['user:ana', 'address:10.0.0.9']);
    expect(throttle.retryAfterSeconds(['user:ana'])).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds(['user:bo', 'address:10.0.0.9'])).toBe(0);
    throttle.failed(['user:bo', 'address:10.0.0.9']);
    throttle.failed(['user:cy', 'address:10.0.0.9']);
    expect(throttle.retryAfterSeconds(['user:dee', 'address:10.0.0.9'])).toBeGreaterThan(0);
  });
});
