import { describe, expect, it } from 'vitest';
import { toJson } from './http';

describe('toJson', () => {
  it('writes 64-bit offsets and lags as exact JSON numbers', () => {
    expect(toJson({ latestOffsets: { 0: 9_223_372_036_854_775_807n }, aggregateLag: 0n, note: 'bigint:1' })).toBe(
      '{"latestOffsets":{"0":9223372036854775807},"aggregateLag":0,"note":"bigint:1"}',
    );
  });
});
