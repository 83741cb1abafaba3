import { describe, expect, it } from 'vitest';
import { DISPLAY_VALUE_MAX_BYTES, decodeBytes, recordBytes, toSampleRecord } from './records';

const bytes = (s: string) => new Uint8Array(Buffer.from(s));

describe('toSampleRecord', () => {
  it('keeps the exact offset, Kafka timestamp, key, value and headers', () => {
    const record = toSampleRecord(3, {
      offset: '9007199254740993',
      timestamp: '1700000000123',
      key: bytes('user-1'),
      value: bytes('{"a":1}'),
      headers: { trace: bytes('abc'), multi: [bytes('x'), bytes('y')] },
      batchContext: { timestampType: 0 },
    });
    expect(record).toMatchObject({
      partition: 3,
      offset: '9007199254740993',
      timestamp: 1700000000123,
      timestampType: 'create',
      key: 'user-1',
      value: '{"a":1}',
      valueEncoding: 'utf8',
      valueSize: 7,
      valueTruncated: false,
    });
    expect(record.headers).toEqual([
      { key: 'trace', value: 'abc', encoding: 'utf8' },
      { key: 'multi', value: 'x', encoding: 'utf8' },
      { key: 'multi', value: 'y', encoding: 'utf8' },
    ]);
  });

  it('returns binary values as base64 with the flag set', () => {
    const record = toSampleRecord(0, { offset: '0', timestamp: '1', key: null, value: new Uint8Array([0xff, 0xfe, 0x00, 0x81]) });
    expect(record.valueEncoding).toBe('base64');
    expect(Buffer.from(record.value!, 'base64')).toEqual(Buffer.from([0xff, 0xfe, 0x00, 0x81]));
    expect(record.key).toBeNull();
  });

  it('cuts huge values for display and keeps their full size', () => {
    const huge = bytes('x'.repeat(3 * DISPLAY_VALUE_MAX_BYTES));
    const record = toSampleRecord(0, { offset: '5', timestamp: '1', key: null, value: huge });
    expect(record.valueTruncated).toBe(true);
    expect(record.valueSize).toBe(3 * DISPLAY_VALUE_MAX_BYTES);
    expect(record.value!.length).toBe(DISPLAY_VALUE_MAX_BYTES);
  });

  it('does not mistake a multi-byte character split by the cut for binary', () => {
    const decoded = decodeBytes(bytes('ab€'), 4);
    expect(decoded).toEqual({ text: 'ab', encoding: 'utf8', truncated: true });
  });

  it('keeps a null (tombstone) value as null', () => {
    const record = toSampleRecord(1, { offset: '7', timestamp: '1', key: bytes('k'), value: null });
    expect(record.value).toBeNull();
    expect(record.valueSize).toBe(0);
  });

  it('counts key, value and header bytes against the budget', () => {
    expect(recordBytes({ offset: '0', timestamp: '0', key: bytes('ab'), value: bytes('cde'), headers: { h: bytes('12') } })).toBe(2 + 3 + 1 + 2);
  });
});
