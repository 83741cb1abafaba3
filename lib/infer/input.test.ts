import { describe, expect, it } from 'vitest';
import { inferInputSchema, textProblem, toSampleRecords } from './input';

const record = { partition: 1, offset: '42', timestamp: 1_700_000_000_000, key: null, value: '{"a":1}' };

describe('toSampleRecords', () => {
  it('keeps partition, offset and Kafka time, and strips a byte order mark', () => {
    const [sample] = toSampleRecords({ records: [{ ...record, value: '\ufeff{"a":1}' }] });
    expect(sample).toMatchObject({ index: 0, partition: 1, offset: '42', kafkaTime: 1_700_000_000_000, text: '{"a":1}' });
  });

  it('decodes base64 values and flags bytes that are not UTF-8', () => {
    const [text, binary] = toSampleRecords({
      records: [
        { ...record, value: btoa('{"a":1}'), valueEncoding: 'base64' },
        { ...record, value: btoa(String.fromCharCode(0xff, 0xfe)), valueEncoding: 'base64' },
      ],
    });
    expect(text.text).toBe('{"a":1}');
    expect(textProblem(binary)).toBe('the value is not valid UTF-8 text');
  });

  it('reads bare lines without Kafka times', () => {
    expect(toSampleRecords({ lines: ['x'] })).toEqual([{ index: 0, text: 'x' }]);
  });

  it('rejects offsets that are not decimal strings, naming the field', () => {
    const parsed = inferInputSchema.safeParse({ records: [{ ...record, offset: '1e3' }] });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('offset must be a decimal string');
  });
});
