// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SampleRecord } from '@/lib/kafka/schemas';

const record = (value: string): SampleRecord => ({
  partition: 0,
  offset: '7',
  timestamp: 1_700_000_000_000,
  timestampType: 'create',
  key: null,
  keyEncoding: 'utf8',
  value,
  valueEncoding: 'utf8',
  valueSize: value.length,
  valueTruncated: false,
  headers: [],
});

/** A fresh page: the module's memory is gone, localStorage and IndexedDB are what was written. */
async function reloadStore() {
  vi.resetModules();
  return import('./draft-store');
}

async function until<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}

const source = { kind: 'kafka', topic: 'ad-clicks' } as const;

beforeEach(() => {
  localStorage.clear();
});

describe('the draft store', () => {
  it('keeps a draft and its sample across a reload, the sample in IndexedDB', async () => {
    const store = await reloadStore();
    const records = Array.from({ length: 300 }, (_, i) => record(`{"n":${i}}`));
    store.updateDraft('topic:ad-clicks', { name: 'ad-clicks', source }, { records, recordCount: records.length, io: { datasource: 'clicks' } });
    expect(localStorage.getItem('tributary.draft.topic:ad-clicks')).not.toContain('"n":1');
    await new Promise((r) => setTimeout(r, 50));

    const after = await reloadStore();
    expect(after.readDraft('topic:ad-clicks')).toMatchObject({ name: 'ad-clicks', recordCount: 300, io: { datasource: 'clicks' } });
    const loaded = await until(() => after.readDraft('topic:ad-clicks')?.records);
    expect(loaded).toHaveLength(300);
    expect(loaded[299].value).toBe('{"n":299}');
  });

  it('upgrades a version 1 draft from localStorage without losing its records', async () => {
    localStorage.setItem(
      'tributary.draft.topic:ad-clicks',
      JSON.stringify({ version: 1, id: 'topic:ad-clicks', name: 'old', source, createdAt: 1, updatedAt: 1, records: [record('{"old":true}')] }),
    );
    const store = await reloadStore();
    expect(store.readDraft('topic:ad-clicks')?.records?.[0].value).toBe('{"old":true}');
    await until(() => (localStorage.getItem('tributary.draft.topic:ad-clicks')?.includes('"version":2') ? true : undefined));
    expect(localStorage.getItem('tributary.draft.topic:ad-clicks')).not.toContain('old\\":true');
    const after = await reloadStore();
    expect((await until(() => after.readDraft('topic:ad-clicks')?.records))[0].value).toBe('{"old":true}');
  });

  it('lists an unreadable draft with the reason, and sets it aside rather than overwrite it', async () => {
    localStorage.setItem('tributary.draft.topic:ad-clicks', '{"version":1,"id":"topic:ad-cl');
    const store = await reloadStore();
    expect(store.readDraft('topic:ad-clicks')).toBeUndefined();
    expect(store.listDrafts()).toEqual([expect.objectContaining({ id: 'topic:ad-clicks', problem: expect.stringContaining('not valid JSON'), raw: '{"version":1,"id":"topic:ad-cl' })]);

    store.updateDraft('topic:ad-clicks', { name: 'ad-clicks', source }, { io: { taskCount: 2 } });
    const items = store.listDrafts();
    expect(items).toHaveLength(2);
    expect(items.find((i) => i.draft)?.draft?.io?.taskCount).toBe(2);
    expect(items.find((i) => !i.draft)).toMatchObject({ raw: '{"version":1,"id":"topic:ad-cl', problem: expect.stringContaining('set aside') });
  });

  it('holds several named drafts, renames and deletes them', async () => {
    const store = await reloadStore();
    store.updateDraft('topic:ad-clicks', { name: 'ad-clicks', source }, {});
    store.updateDraft('topic:payments', { name: 'payments', source: { kind: 'kafka', topic: 'payments' } }, {});
    store.renameDraft('topic:payments', '  Payments, hourly ');
    expect(store.listDrafts().map((i) => i.draft?.name).sort()).toEqual(['Payments, hourly', 'ad-clicks']);
    store.deleteDraft('topic:ad-clicks');
    const after = await reloadStore();
    expect(after.listDrafts().map((i) => i.id)).toEqual(['topic:payments']);
  });

  it('says so when localStorage is full, and keeps the change in memory', async () => {
    const store = await reloadStore();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      store.updateDraft('topic:ad-clicks', { name: 'ad-clicks', source }, { io: { replicas: 2 } });
      expect(store.readDraft('topic:ad-clicks')?.io?.replicas).toBe(2);
      const { renderHook } = await import('@testing-library/react');
      const { result } = renderHook(() => store.useDraftStatus('topic:ad-clicks'));
      expect(result.current.storageProblem).toMatch(/storage is full/);
    } finally {
      setItem.mockRestore();
    }
  });
});
