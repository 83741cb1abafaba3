import { describe, expect, it } from 'vitest';
import type { SampleRecord } from '@/lib/kafka/schemas';
import { matchesFind, prettyValue, previewValue } from './record-text';

const record = (over: Partial<SampleRecord>): SampleRecord => ({
  partition: 2,
  offset: '41',
  timestamp: 1,
  timestampType: 'create',
  key: 'user-7',
  keyEncoding: 'utf8',
  value: '{"url":"/Checkout","ms":12}',
  valueEncoding: 'utf8',
  valueSize: 27,
  valueTruncated: false,
  headers: [{ key: 'trace', value: 'abc-123', encoding: 'utf8' }],
  ...over,
});

describe('search within the sample', () => {
  it('finds text in value, key and headers regardless of case, and partition:offset exactly', () => {
    expect(matchesFind(record({}), 'checkout')).toBe(true);
    expect(matchesFind(record({}), 'USER-7')).toBe(true);
    expect(matchesFind(record({}), 'abc-1')).toBe(true);
    expect(matchesFind(record({}), '2:41')).toBe(true);
    expect(matchesFind(record({}), 'payment')).toBe(false);
    expect(matchesFind(record({ value: null }), 'x')).toBe(false);
  });
});

describe('value views', () => {
  it('indents JSON in the pretty view and keeps other text as it is', () => {
    expect(prettyValue(record({}))).toBe('{\n  "url": "/Checkout",\n  "ms": 12\n}');
    expect(prettyValue(record({ value: 'a,b,c' }))).toBe('a,b,c');
    expect(prettyValue(record({ value: '{broken' }))).toBe('{broken');
    expect(prettyValue(record({ value: null }))).toContain('tombstone');
  });

  it('collapses whitespace and cuts long previews', () => {
    expect(previewValue(record({ value: 'a\n  b' }))).toBe('a b');
    expect(previewValue(record({ value: 'x'.repeat(200) }), 10)).toBe('xxxxxxxxxx…');
  });
});
