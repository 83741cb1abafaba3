// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SampleRecord } from '@/lib/kafka/schemas';
import type { DraftSource } from './draft';
import { readDraft } from './draft-store';
import { useKeepRecordsInDraft, useRememberStep } from './use-draft-records';

const line = (value: string): SampleRecord => ({
  partition: null,
  offset: null,
  timestamp: null,
  timestampType: null,
  key: null,
  keyEncoding: 'utf8',
  value,
  valueEncoding: 'utf8',
  valueSize: value.length,
  valueTruncated: false,
  headers: [],
});

afterEach(() => localStorage.clear());

describe('records reaching the draft', () => {
  it('keeps a finished sample in the topic draft, and leaves it when a new sample is still running', () => {
    const sample = [line('{"a":1}'), line('{"a":2}')];
    const { rerender } = renderHook(({ source, records }: { source?: DraftSource; records: SampleRecord[] }) => useKeepRecordsInDraft(source, records), {
      initialProps: { source: { kind: 'kafka', topic: 'crypto-prices' }, records: sample },
    });
    expect(readDraft('topic:crypto-prices')).toMatchObject({ name: 'crypto-prices', recordCount: 2, records: sample });
    rerender({ source: undefined, records: [] });
    expect(readDraft('topic:crypto-prices')?.recordCount).toBe(2);
  });

  it('follows pasted text, down to clearing it', () => {
    const { rerender } = renderHook(({ records }: { records: SampleRecord[] }) => useKeepRecordsInDraft({ kind: 'paste' }, records), { initialProps: { records: [line('x')] } });
    expect(readDraft('paste:default')?.recordCount).toBe(1);
    rerender({ records: [] });
    expect(readDraft('paste:default')).toMatchObject({ recordCount: undefined, records: undefined });
  });

  it('remembers the step of an existing draft only', () => {
    renderHook(() => useRememberStep('topic:nowhere', 'parse'));
    expect(readDraft('topic:nowhere')).toBeUndefined();
    renderHook(() => useKeepRecordsInDraft({ kind: 'kafka', topic: 'payments' }, [line('y')]));
    renderHook(() => useRememberStep('topic:payments', 'time'));
    expect(readDraft('topic:payments')?.step).toBe('time');
  });
});
