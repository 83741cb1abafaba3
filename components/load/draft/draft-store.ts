'use client';
// The browser's drafts. Reads are synchronous from memory. Every change is written at once:
// the draft to localStorage (synchronous, so it survives a crash right after), its records to
// IndexedDB (a sample can be megabytes, beyond localStorage's few MB per site). A stored draft
// that cannot be read is kept and explained, and set aside rather than overwritten.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { useCallback, useSyncExternalStore } from 'react';
import type { SampleRecord } from '@/lib/kafka/schemas';
import { DRAFT_VERSION, type LoadDraft } from './draft';
import { decodeStoredDraft, encodeStoredDraft } from './draft-format';

const STORAGE_PREFIX = 'tributary.draft.';
/** Unreadable drafts set aside when a new draft takes their id, so they can still be downloaded. */
const UNREADABLE_PREFIX = 'tributary.draft-unreadable.';
const RECORDS_DATABASE = 'tributary-drafts';

interface Entry {
  readonly draft?: LoadDraft;
  /** Why the stored draft cannot be read. */
  readonly problem?: string;
  readonly raw?: string;
  /** Why the draft's records could not be read back. */
  readonly recordsProblem?: string;
}

const cache = new Map<string, Entry>();
const listeners = new Set<() => void>();
/** The records each draft has in IndexedDB (by identity), so unchanged records are not rewritten. */
const storedRecords = new Map<string, readonly SampleRecord[]>();
const loadingRecords = new Set<string>();
let storageProblem: string | undefined;
let recordStore: UseStore | null | undefined;

function storageKey(id: string): string {
  return `${STORAGE_PREFIX}${id}`;
}

function recordsDb(): UseStore | null {
  if (recordStore === undefined) recordStore = typeof indexedDB === 'undefined' ? null : createStore(RECORDS_DATABASE, 'records');
  return recordStore;
}

function notify(): void {
  listSnapshot = undefined;
  for (const listener of listeners) listener();
}

function setProblem(message: string | undefined): void {
  if (storageProblem === message) return;
  storageProblem = message;
  notify();
}

function readRaw(key: string): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeMeta(draft: LoadDraft): void {
  try {
    localStorage.setItem(storageKey(draft.id), encodeStoredDraft(draft));
    if (storageProblem?.startsWith('The browser’s storage is full')) setProblem(undefined);
  } catch {
    setProblem('The browser’s storage is full: changes are kept in this tab only until you delete some drafts.');
  }
}

function readEntry(id: string): Entry {
  const hit = cache.get(id);
  if (hit) return hit;
  const raw = readRaw(storageKey(id));
  let entry: Entry = {};
  if (raw !== null) {
    const decoded = decodeStoredDraft(raw);
    if (!decoded.ok) entry = { problem: `This draft cannot be opened: ${decoded.problem}.`, raw };
    else if (decoded.inlineRecords) {
      entry = { draft: { ...decoded.draft, records: decoded.inlineRecords } };
      moveInlineRecords(entry.draft as LoadDraft);
    } else entry = { draft: decoded.draft };
  }
  cache.set(id, entry);
  if (entry.draft?.recordCount && !entry.draft.records) loadRecords(id);
  return entry;
}

/** Upgrades a version 1 draft: its records move to IndexedDB, and only then leave localStorage. */
function moveInlineRecords(draft: LoadDraft): void {
  const db = recordsDb();
  if (!db || !draft.records) return;
  const records = draft.records;
  set(draft.id, records, db).then(
    () => {
      storedRecords.set(draft.id, records);
      const current = cache.get(draft.id)?.draft;
      if (current) writeMeta(current);
    },
    () => undefined, // The version 1 text stays as it is, readable next time.
  );
}

function loadRecords(id: string): void {
  const db = recordsDb();
  if (loadingRecords.has(id)) return;
  loadingRecords.add(id);
  const missing = 'The sample this draft held could not be read back from the browser’s storage: sample again to continue.';
  const settle = (records: unknown) => {
    loadingRecords.delete(id);
    const entry = cache.get(id);
    // A newer sample written meanwhile wins over the stored one.
    if (!entry?.draft || entry.draft.records) return;
    if (Array.isArray(records)) {
      storedRecords.set(id, records as SampleRecord[]);
      cache.set(id, { draft: { ...entry.draft, records: records as SampleRecord[], recordCount: records.length } });
    } else cache.set(id, { ...entry, recordsProblem: missing });
    notify();
  };
  if (!db) {
    queueMicrotask(() => settle(undefined));
    return;
  }
  get(id, db).then(settle, () => settle(undefined));
}

function writeRecords(draft: LoadDraft): void {
  const previous = storedRecords.get(draft.id);
  const db = recordsDb();
  if (draft.records && draft.records !== previous) {
    const records = draft.records;
    storedRecords.set(draft.id, records);
    if (!db) {
      setProblem('This browser offers no IndexedDB, so samples are kept in this tab only: after a reload, sample again.');
      return;
    }
    set(draft.id, records, db).catch(() => {
      if (storedRecords.get(draft.id) === records) storedRecords.delete(draft.id);
      setProblem('The sample could not be saved in the browser’s storage (it may be full): after a reload, sample again.');
    });
  } else if (!draft.records && !draft.recordCount && previous) {
    storedRecords.delete(draft.id);
    if (db) del(draft.id, db).catch(() => undefined);
  }
}

export function readDraft(id: string): LoadDraft | undefined {
  return readEntry(id).draft;
}

export function writeDraft(draft: LoadDraft): void {
  const entry = readEntry(draft.id);
  // An unreadable draft under this id is set aside first; while that fails, it stays where it is.
  const blocked = entry.raw !== undefined && !setAside(draft.id, entry.raw);
  cache.set(draft.id, blocked ? { draft, raw: entry.raw } : { draft });
  if (!blocked) writeMeta(draft);
  writeRecords(draft);
  notify();
}

function setAside(id: string, raw: string): boolean {
  try {
    localStorage.setItem(`${UNREADABLE_PREFIX}${id}.${Date.now()}`, raw);
    return true;
  } catch {
    setProblem('The browser’s storage is full: changes are kept in this tab only until you delete some drafts.');
    return false;
  }
}

export type DraftPatch = Partial<Omit<LoadDraft, 'version' | 'id' | 'createdAt'>>;

/** Creates the draft on first write. */
export function updateDraft(id: string, init: Pick<LoadDraft, 'name' | 'source'>, patch: DraftPatch | ((draft: LoadDraft) => DraftPatch)): LoadDraft {
  const now = Date.now();
  const current = readDraft(id) ?? { version: DRAFT_VERSION, id, createdAt: now, updatedAt: now, ...init };
  const changes = typeof patch === 'function' ? patch(current) : patch;
  const next: LoadDraft = { ...current, ...changes, version: DRAFT_VERSION, id, updatedAt: now };
  writeDraft(next);
  return next;
}

export function renameDraft(id: string, name: string): void {
  const draft = readDraft(id);
  if (draft && name.trim()) writeDraft({ ...draft, name: name.trim(), updatedAt: Date.now() });
}

/** Deletes a draft, or an unreadable one set aside (by its storage key). */
export function deleteDraft(id: string): void {
  try {
    localStorage.removeItem(id.startsWith(UNREADABLE_PREFIX) ? id : storageKey(id));
  } catch {
    // Nothing stored to remove.
  }
  if (!id.startsWith(UNREADABLE_PREFIX)) {
    cache.set(id, {});
    storedRecords.delete(id);
    const db = recordsDb();
    if (db) del(id, db).catch(() => undefined);
  }
  notify();
}

/** A stored draft as the drafts list shows it: readable, or unreadable with the reason and its text. */
export interface DraftListItem {
  /** The draft id, or for an unreadable draft set aside, its storage key. */
  readonly id: string;
  readonly draft?: LoadDraft;
  readonly problem?: string;
  readonly raw?: string;
}

let listSnapshot: DraftListItem[] | undefined;

export function listDrafts(): DraftListItem[] {
  if (listSnapshot) return listSnapshot;
  const items: DraftListItem[] = [];
  if (typeof localStorage !== 'undefined') {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i) ?? '');
    for (const key of keys) {
      if (key.startsWith(STORAGE_PREFIX)) {
        const id = key.slice(STORAGE_PREFIX.length);
        const entry = readEntry(id);
        if (entry.draft || entry.problem) items.push({ id, draft: entry.draft, problem: entry.problem, raw: entry.raw });
      } else if (key.startsWith(UNREADABLE_PREFIX)) {
        const raw = readRaw(key) ?? '';
        const decoded = decodeStoredDraft(raw);
        items.push({ id: key, raw, problem: `This draft was set aside because it cannot be opened: ${decoded.ok ? 'it was replaced by a newer one' : decoded.problem}.` });
      }
    }
  }
  listSnapshot = items.sort((a, b) => (b.draft?.updatedAt ?? 0) - (a.draft?.updatedAt ?? 0));
  return listSnapshot;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab changed a draft: read it again.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith(STORAGE_PREFIX) || event.key.startsWith(UNREADABLE_PREFIX)) {
      if (event.key?.startsWith(STORAGE_PREFIX)) {
        const id = event.key.slice(STORAGE_PREFIX.length);
        cache.delete(id);
        storedRecords.delete(id);
      } else if (event.key === null) cache.clear();
      notify();
    }
  });
}

/** The draft with this id and a function that changes it. */
export function useDraft(id: string, init: Pick<LoadDraft, 'name' | 'source'>) {
  const draft = useSyncExternalStore(subscribe, () => readDraft(id), () => undefined);
  const update = useCallback(
    (patch: DraftPatch | ((draft: LoadDraft) => DraftPatch)) => updateDraft(id, init, patch),
    // init is a value object recreated by callers; its identity does not matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id],
  );
  return [draft, update] as const;
}

export interface DraftStatus {
  /** Why the stored draft cannot be opened (it is kept; the drafts list offers its text). */
  readonly problem?: string;
  /** Why its records could not be read back. */
  readonly recordsProblem?: string;
  /** The records exist but are still being read from IndexedDB. */
  readonly recordsLoading: boolean;
  /** Why changes are not being saved, when they are not. */
  readonly storageProblem?: string;
}

function statusOf(id: string): DraftStatus {
  const entry = readEntry(id);
  const recordsLoading = Boolean(entry.draft?.recordCount && !entry.draft.records && !entry.recordsProblem);
  const key = `${entry.problem}|${entry.recordsProblem}|${recordsLoading}|${storageProblem}`;
  const cached = statusCache.get(id);
  if (cached && cached.key === key) return cached.status;
  const status: DraftStatus = { problem: entry.problem, recordsProblem: entry.recordsProblem, recordsLoading, storageProblem };
  statusCache.set(id, { key, status });
  return status;
}
const statusCache = new Map<string, { key: string; status: DraftStatus }>();

export function useDraftStatus(id: string): DraftStatus {
  return useSyncExternalStore(subscribe, () => statusOf(id), () => NO_STATUS);
}
const NO_STATUS: DraftStatus = { recordsLoading: false };

export function useDraftList(): DraftListItem[] {
  return useSyncExternalStore(subscribe, listDrafts, () => NO_DRAFTS);
}
const NO_DRAFTS: DraftListItem[] = [];
