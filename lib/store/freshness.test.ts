// Freshness samples on both stores: a SQLite file and a throwaway PostgreSQL.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '.';
import { deleteFreshnessBefore, findFreshnessSamples, insertFreshnessSample, latestFreshnessTimes } from './freshness';
import type { FreshnessRow } from './schema';
import { STORE_BACKENDS, withStoreOf } from './testing/each-store';

const sample = (supervisorId: string, at: string, freshnessMs: number, seen = 1): FreshnessRow => ({ supervisorId, at, freshnessMs, seen, detail: null });

describe.each(STORE_BACKENDS)('freshness samples on $name', (backend) => {
  let store: Store;
  withStoreOf(backend, (opened) => (store = opened));

  beforeEach(async () => {
    await store.db.deleteFrom('freshnessSamples').execute();
  });

  it("reads back one supervisor's samples since a time, oldest first, with fractions of a millisecond and the probe's detail", async () => {
    await insertFreshnessSample(store.db, sample('clicks', '2026-03-01T10:02:00.000Z', 30_000, 0));
    await insertFreshnessSample(store.db, { ...sample('clicks', '2026-03-01T10:01:00.000Z', 412.5), detail: '{"partition":3}' });
    await insertFreshnessSample(store.db, sample('clicks', '2026-03-01T09:00:00.000Z', 900));
    await insertFreshnessSample(store.db, sample('prices', '2026-03-01T10:01:30.000Z', 80));
    const rows = await findFreshnessSamples(store.db, 'clicks', '2026-03-01T10:00:00.000Z');
    expect(rows).toEqual([
      { supervisorId: 'clicks', at: '2026-03-01T10:01:00.000Z', freshnessMs: 412.5, seen: 1, detail: '{"partition":3}' },
      { supervisorId: 'clicks', at: '2026-03-01T10:02:00.000Z', freshnessMs: 30_000, seen: 0, detail: null },
    ]);
  });

  it('keeps the first of two samples of one supervisor at the same moment', async () => {
    await insertFreshnessSample(store.db, sample('clicks', '2026-03-01T10:01:00.000Z', 400));
    await insertFreshnessSample(store.db, sample('clicks', '2026-03-01T10:01:00.000Z', 9_999));
    expect((await findFreshnessSamples(store.db, 'clicks', '2026-03-01T00:00:00.000Z')).map((row) => row.freshnessMs)).toEqual([400]);
  });

  it("knows each supervisor's latest sample, and retention removes only what is older than the cut", async () => {
    await insertFreshnessSample(store.db, sample('clicks', '2026-01-01T00:00:00.000Z', 100));
    await insertFreshnessSample(store.db, sample('clicks', '2026-03-01T10:00:00.000Z', 200));
    await insertFreshnessSample(store.db, sample('prices', '2026-02-01T00:00:00.000Z', 300));
    expect(await latestFreshnessTimes(store.db)).toEqual(
      new Map([
        ['clicks', '2026-03-01T10:00:00.000Z'],
        ['prices', '2026-02-01T00:00:00.000Z'],
      ]),
    );
    expect(await deleteFreshnessBefore(store.db, '2026-02-01T00:00:00.000Z')).toBe(1);
    expect((await findFreshnessSamples(store.db, 'clicks', '2000-01-01T00:00:00.000Z')).map((row) => row.at)).toEqual(['2026-03-01T10:00:00.000Z']);
    expect((await findFreshnessSamples(store.db, 'prices', '2000-01-01T00:00:00.000Z')).map((row) => row.freshnessMs)).toEqual([300]);
  });
});
