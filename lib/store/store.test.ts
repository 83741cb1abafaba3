// The same suite against both stores Tributary supports: a SQLite file, and a real PostgreSQL
// (a throwaway cluster of Debian's PostgreSQL 15, started for this file).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StoreLocation } from '../config/config';
import { eachAuditRow, findAuditRows, holdLease, insertAuditRow, migrate, openStore, readAuditRow, releaseLease, tryAcquireLease, updateAuditRow, withLease, type NewAuditRow, type Store } from '.';
import { startThrowawayPostgres } from './testing/postgres';

interface Backend {
  readonly name: string;
  start(): Promise<{ location: StoreLocation; stop: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'SQLite',
    start: async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'tributary-store-'));
      return { location: { kind: 'sqlite', file: path.join(dir, 'nested', 'tributary.db') }, stop: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    start: async () => {
      const postgres = await startThrowawayPostgres();
      return { location: { kind: 'postgres', url: postgres.url }, stop: postgres.stop };
    },
  },
];

const entry = (overrides: Partial<NewAuditRow> = {}): NewAuditRow => ({
  at: '2026-03-01T10:00:00.000Z',
  userName: 'ana',
  role: 'operator',
  via: 'session',
  clientAddress: '10.0.0.7',
  action: 'suspend',
  supervisorId: 'clicks',
  specHash: null,
  changes: null,
  druidStatus: null,
  druidAnswer: null,
  durationMs: null,
  outcome: 'unknown',
  detail: null,
  resolvedAt: null,
  ...overrides,
});

describe.each(backends)('the store on $name', (backend) => {
  let location: StoreLocation;
  let stop: () => Promise<void>;
  let store: Store;

  beforeAll(async () => {
    ({ location, stop } = await backend.start());
    store = await openStore(location);
  });

  afterAll(async () => {
    await store?.close();
    await stop?.();
  });

  beforeEach(async () => {
    await store.db.deleteFrom('auditEntries').execute();
    await store.db.deleteFrom('leases').execute();
  });

  it('creates its tables on first use, and opening or migrating again changes nothing and keeps the rows', async () => {
    const id = await insertAuditRow(store.db, entry());
    const again = await openStore(location);
    try {
      expect(await readAuditRow(again.db, id)).toMatchObject({ id, action: 'suspend' });
      // The migration runner on the same database has nothing left to run.
      expect(await migrate(again.db)).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('keeps an entry as written and updates it once its outcome is known', async () => {
    const id = await insertAuditRow(store.db, entry({ action: 'submit', specHash: 'ab'.repeat(32), changes: '{"submit":"created"}' }));
    expect(await readAuditRow(store.db, id)).toEqual({ id, ...entry({ action: 'submit', specHash: 'ab'.repeat(32), changes: '{"submit":"created"}' }) });
    await updateAuditRow(store.db, id, { outcome: 'ok', druidStatus: 200, druidAnswer: '{"id":"clicks"}', durationMs: 412, resolvedAt: '2026-03-01T10:00:05.000Z' });
    expect(await readAuditRow(store.db, id)).toMatchObject({ outcome: 'ok', druidStatus: 200, durationMs: 412, userName: 'ana', resolvedAt: '2026-03-01T10:00:05.000Z' });
    expect(await readAuditRow(store.db, id + 1000)).toBeUndefined();
  });

  it('filters by user, supervisor, action, outcome and time, newest first, a page at a time', async () => {
    const minute = (m: number) => `2026-03-01T10:${String(m).padStart(2, '0')}:00.000Z`;
    for (let m = 0; m < 10; m++) {
      await insertAuditRow(store.db, entry({ at: minute(m), userName: m % 2 ? 'ana' : 'bo', supervisorId: m < 5 ? 'clicks' : 'orders', action: m === 3 ? 'terminate' : 'suspend', outcome: m === 9 ? 'failed' : 'ok' }));
    }
    const all = await findAuditRows(store.db, {}, { limit: 4 });
    expect(all.total).toBe(10);
    expect(all.rows.map((r) => r.at)).toEqual([minute(9), minute(8), minute(7), minute(6)]);
    const second = await findAuditRows(store.db, {}, { limit: 4, before: all.nextBefore! });
    expect(second.rows.map((r) => r.at)).toEqual([minute(5), minute(4), minute(3), minute(2)]);
    const last = await findAuditRows(store.db, {}, { limit: 4, before: second.nextBefore! });
    expect(last.rows.map((r) => r.at)).toEqual([minute(1), minute(0)]);
    expect(last.nextBefore).toBeNull();

    const pick = async (filter: Parameters<typeof findAuditRows>[1]) => (await findAuditRows(store.db, filter, { limit: 50 })).rows.map((r) => r.at).reverse();
    expect(await pick({ user: 'ana' })).toEqual([minute(1), minute(3), minute(5), minute(7), minute(9)]);
    expect(await pick({ supervisorId: 'orders', user: 'bo' })).toEqual([minute(6), minute(8)]);
    expect(await pick({ action: 'terminate' })).toEqual([minute(3)]);
    expect(await pick({ outcome: 'failed' })).toEqual([minute(9)]);
    // from is inclusive, to is exclusive.
    expect(await pick({ from: minute(2), to: minute(5) })).toEqual([minute(2), minute(3), minute(4)]);
    expect((await findAuditRows(store.db, { user: 'nobody' }, { limit: 50 })).total).toBe(0);
  });

  it('reads every matching entry oldest first for an export, across batches', async () => {
    for (let i = 0; i < 7; i++) await insertAuditRow(store.db, entry({ detail: `#${i}`, supervisorId: i === 4 ? 'other' : 'clicks' }));
    const details: string[] = [];
    for await (const row of eachAuditRow(store.db, { supervisorId: 'clicks' }, 2)) details.push(row.detail!);
    expect(details).toEqual(['#0', '#1', '#2', '#3', '#5', '#6']);
  });

  it('gives a lease to one holder at a time, and to another once it is released or expired', async () => {
    expect(await tryAcquireLease(store.db, 'submit:clicks', 'a', 60_000)).toBe(true);
    expect(await tryAcquireLease(store.db, 'submit:clicks', 'b', 60_000)).toBe(false);
    expect(await tryAcquireLease(store.db, 'submit:orders', 'b', 60_000)).toBe(true);
    await releaseLease(store.db, 'submit:clicks', 'b'); // not b's to release
    expect(await tryAcquireLease(store.db, 'submit:clicks', 'b', 60_000)).toBe(false);
    await releaseLease(store.db, 'submit:clicks', 'a');
    expect(await tryAcquireLease(store.db, 'submit:clicks', 'b', 1_000)).toBe(true);
    // A holder that crashed: its lease runs out.
    expect(await tryAcquireLease(store.db, 'submit:clicks', 'c', 60_000, Date.now() + 2_000)).toBe(true);
  });

  it('lets a holder keep its lease by renewing it, and another take it over once it stops', async () => {
    const now = Date.now();
    expect(await holdLease(store.db, 'collector', 'a', 10_000, now)).toBe(true);
    expect(await holdLease(store.db, 'collector', 'b', 10_000, now + 5_000)).toBe(false);
    expect(await holdLease(store.db, 'collector', 'a', 10_000, now + 9_000)).toBe(true);
    // Renewed at +9 s, it holds until +19 s: b still cannot have it at +15 s.
    expect(await holdLease(store.db, 'collector', 'b', 10_000, now + 15_000)).toBe(false);
    // a stopped renewing: after it runs out, b takes over, and a cannot renew an expired lease.
    expect(await holdLease(store.db, 'collector', 'b', 10_000, now + 20_000)).toBe(true);
    expect(await holdLease(store.db, 'collector', 'a', 10_000, now + 21_000)).toBe(false);
  });

  it('serializes work under one lease across two app instances sharing the store', async () => {
    const other = await openStore(location);
    try {
      const events: string[] = [];
      const work = (who: string) => async () => {
        events.push(`${who} in`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push(`${who} out`);
      };
      await Promise.all([
        withLease(store.db, 'submit:clicks', 'one', { ttlMs: 10_000, pollMs: 10 }, work('one')),
        withLease(other.db, 'submit:clicks', 'two', { ttlMs: 10_000, pollMs: 10 }, work('two')),
        withLease(store.db, 'submit:clicks', 'three', { ttlMs: 10_000, pollMs: 10 }, work('three')),
      ]);
      expect(events).toHaveLength(6);
      for (let i = 0; i < 6; i += 2) expect(events[i + 1]).toBe(events[i].replace('in', 'out'));
      expect(await tryAcquireLease(store.db, 'submit:clicks', 'after', 1_000)).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('a store that cannot be opened', () => {
  it('names where it is and why, without a password', async () => {
    const error = await openStore({ kind: 'postgres', url: 'postgres://tributary:s3cret@127.0.0.1:1/tributary' }).catch((e: Error) => e);
    expect(error).toMatchObject({ name: 'StoreError' });
    expect((error as Error).message).toMatch(/^Tributary's store \(PostgreSQL at 127\.0\.0\.1:1\/tributary\) could not be opened: /);
    expect((error as Error).message).not.toContain('s3cret');
  });
});
