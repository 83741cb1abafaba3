import { describe, expect, it } from 'vitest';
import { inferInputSchema } from '@/lib/infer';
import { InferRequestSchema, toInferInput } from './request';
import { sampled } from '@/lib/kafka/testing/sampled-record';

describe('toInferInput', () => {
  it('keeps Kafka metadata and turns headers into a record lib/infer accepts', () => {
    const record = sampled('{"a":1}', 4, { headers: [{ key: 'edge', value: 'eu', encoding: 'utf8' }, { key: 'empty', value: null, encoding: 'utf8' }] });
    const input = toInferInput([record]);
    expect(input).toEqual({ records: [{ partition: 1, offset: '4', timestamp: record.timestamp, key: null, value: '{"a":1}', valueEncoding: 'utf8', headers: { edge: 'eu' } }] });
    expect(inferInputSchema.safeParse(input).success).toBe(true);
  });

  it('sends pasted messages, which have no partition or offset, as lines', () => {
    const pasted = sampled('x,y', 0, { partition: null, offset: null, timestamp: null, timestampType: null });
    expect(toInferInput([pasted])).toEqual({ lines: ['x,y'] });
  });
});

describe('InferRequestSchema', () => {
  it('names the field that is wrong', () => {
    const parsed = InferRequestSchema.safeParse({ records: [{ partition: 'zero' }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.some((i) => i.path.join('.').startsWith('records.0'))).toBe(true);
    expect(InferRequestSchema.safeParse({}).error?.issues[0].message).toBe('must have either records or lines');
  });
});
