import { describe, expect, it } from 'vitest';
import { issueWithFile, loadPasted, recordsFromText, savePasted } from './pasted-messages';

describe('pasted messages', () => {
  it('turns each non-empty line into a record without Kafka metadata', () => {
    const { records, dropped } = recordsFromText('{"a":1}\r\n\n  \n{"a":"é"}\n');
    expect(dropped).toBe(0);
    expect(records.map((r) => r.value)).toEqual(['{"a":1}', '{"a":"é"}']);
    expect(records[1]).toMatchObject({ partition: null, offset: null, timestamp: null, valueSize: 10, valueEncoding: 'utf8' });
  });

  it('keeps at most 10,000 messages and says how many were dropped', () => {
    const { records, dropped } = recordsFromText(Array.from({ length: 10_005 }, (_, i) => `line ${i}`).join('\n'));
    expect(records).toHaveLength(10_000);
    expect(dropped).toBe(5);
  });

  it('refuses empty, huge and binary files with the reason', () => {
    expect(issueWithFile({ name: 'a.json', size: 0, type: 'application/json' })).toBe('a.json is empty.');
    expect(issueWithFile({ name: 'big.jsonl', size: 50 * 1024 * 1024, type: '' })).toContain('big.jsonl is 50.0 MB');
    expect(issueWithFile({ name: 'events.parquet', size: 10, type: '' })).toContain('is not text');
    expect(issueWithFile({ name: 'events.csv', size: 10, type: 'text/csv' })).toBeUndefined();
  });

  it('survives a reload through storage, and says so when storage is full', () => {
    const store = new Map<string, string>();
    const storage = { setItem: (k: string, v: string) => void store.set(k, v), getItem: (k: string) => store.get(k) ?? null };
    expect(savePasted(storage, 'a\nb')).toBeUndefined();
    expect(loadPasted(storage)).toBe('a\nb');
    const full = { setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(savePasted(full, 'a')).toBe("The browser's storage is full, so the messages are not kept across reloads.");
  });
});
