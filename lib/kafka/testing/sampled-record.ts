// A record shaped like the sampler's answer, for tests of what consumes samples.
import type { SampleRecord } from '../schemas';

export const SAMPLE_T0 = Date.UTC(2026, 0, 1, 12);

export function sampled(value: string, i: number, extra: Partial<SampleRecord> = {}): SampleRecord {
  return {
    partition: i % 3, offset: String(i), timestamp: SAMPLE_T0 + i * 1000, timestampType: 'create',
    key: null, keyEncoding: 'utf8', value, valueEncoding: 'utf8', valueSize: value.length, valueTruncated: false, headers: [],
    ...extra,
  };
}
