import { describe, expect, it } from 'vitest';
import type { ApiError } from '../http/api-error';
import { queryDeadlineMs } from './deadline';
import { DEFAULT_QUERY_TIMEOUT_MS, MAX_QUERY_TIMEOUT_MS } from './schemas';

describe('queryDeadlineMs', () => {
  it("caps a user's context.timeout at Tributary's maximum, 0 (Druid's 'no timeout') included", () => {
    expect(queryDeadlineMs(undefined, { timeout: 1e300 }, 'body.context')).toBe(MAX_QUERY_TIMEOUT_MS);
    expect(queryDeadlineMs(undefined, { timeout: 0 }, 'body.context')).toBe(MAX_QUERY_TIMEOUT_MS);
    expect(queryDeadlineMs(undefined, { timeout: '120000' }, 'body.context')).toBe(120_000);
  });

  it('takes the shorter of the request and the context, and the default when neither says', () => {
    expect(queryDeadlineMs(5_000, { timeout: 1e300 }, 'body.context')).toBe(5_000);
    expect(queryDeadlineMs(30_000, { timeout: 2_000 }, 'body.context')).toBe(2_000);
    expect(queryDeadlineMs(undefined, { sqlTimeZone: 'UTC' }, 'body.context')).toBe(DEFAULT_QUERY_TIMEOUT_MS);
    expect(queryDeadlineMs(undefined, undefined, 'body.context')).toBe(DEFAULT_QUERY_TIMEOUT_MS);
  });

  it('says where a timeout that is not a number of milliseconds is', () => {
    for (const timeout of ['soon', -1, true]) {
      try {
        queryDeadlineMs(undefined, { timeout }, 'body.query.context');
        throw new Error('expected a refusal');
      } catch (error) {
        expect((error as ApiError).status).toBe(400);
        expect((error as ApiError).message).toMatch(/^Invalid request body\.query\.context\.timeout: must be a number of milliseconds/);
      }
    }
  });
});
