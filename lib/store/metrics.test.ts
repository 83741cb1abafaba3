// Supervisor history on both stores Tributary supports: a SQLite file and a real PostgreSQL.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MetricsRow, Store } from '.';
import { insertMetrics, maintainMetrics, readLagSamples, readMetrics } from './metrics';
import { STORE_BACKENDS, withStoreOf } from './testing/each-store';


const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-10T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const sample = (atMs: number, overrides: Partial<MetricsRow> = {}): MetricsRow => ({
  supervisorId: 'clicks',
  stepS: 0,
  at: iso(atMs),
  state: 'RUNNING',
  healthy: 1,
  totalLag: '10',
  maxTimeLagMs: 1_000,
  processedPerSec: 100,
  unparseablePerSec: 0.5,
  thrownAwayPerSec: 0,
  withErrorPerSec: 0,
  producedPerSec: 100,
  consumedPerSec: 100,
  tasks: 1,
  failedTasks: 0,
  partitions: '[{"partition":0,"lag":"10"}]',
  ...overrides,
});

/** A sample every 15 s from `fromMs` to `toMs`, lag counting up by one each. */
const samples = (fromMs: number, toMs: number, overrides: Partial<MetricsRow> = {}): MetricsRow[] => {
  const rows: MetricsRow[] = [];
  for (let t = fromMs, i = 0; t < toMs; t += 15_000, i++) rows.push(sample(t, { totalLag: String(i), ...overrides }));
  return rows;
};

describe.each(STORE_BACKENDS)('supervisor history on $name', (backend) => {
  let store: Store;
  withStoreOf(backend, (opened) => (store = opened));

  beforeEach(async () => {
    await store.db.deleteFrom('supervisorMetrics').execute();
  });

  it('keeps a sample as written, and writing it again changes nothing', async () => {
    const row = sample(T0, { totalLag: '9007199254740993', maxTimeLagMs: 1234.5, healthy: 0, state: 'UNHEALTHY_TASKS' });
    await insertMetrics(store.db, [row]);
    await insertMetrics(store.db, [{ ...row, totalLag: '1' }]);
    expect(await readMetrics(store.db, 'clicks', { since: iso(T0), until: iso(T0 + 1), stepS: 0 })).toEqual([row]);
  });

  it('stores a round of many supervisors at once', async () => {
    const round = Array.from({ length: 1_200 }, (_, i) => sample(T0, { supervisorId: `s${i}` }));
    await insertMetrics(store.db, round);
    const { count } = await store.db.selectFrom('supervisorMetrics').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    expect(Number(count)).toBe(1_200);
  });

  it('reads one supervisor over a range, from inclusive and until exclusive, oldest first', async () => {
    await insertMetrics(store.db, [...samples(T0, T0 + 5 * MINUTE), ...samples(T0, T0 + 5 * MINUTE, { supervisorId: 'orders' })]);
    const rows = await readMetrics(store.db, 'clicks', { since: iso(T0 + MINUTE), until: iso(T0 + 2 * MINUTE), stepS: 0 });
    expect(rows.map((r) => r.at)).toEqual([0, 15, 30, 45].map((s) => iso(T0 + MINUTE + s * 1000)));
    expect(rows.every((r) => r.supervisorId === 'clicks')).toBe(true);
  });

  it('reads every supervisor’s recent lag in one call, for the dashboard', async () => {
    await insertMetrics(store.db, [...samples(T0, T0 + HOUR), ...samples(T0 + 30 * MINUTE, T0 + HOUR, { supervisorId: 'orders', totalLag: null })]);
    await insertMetrics(store.db, [sample(T0 + 30 * MINUTE, { supervisorId: 'orders', at: iso(T0 + 59 * MINUTE + 59_000), totalLag: '77' })]);
    const lags = await readLagSamples(store.db, iso(T0 + 59 * MINUTE));
    expect(lags).toEqual([
      { supervisorId: 'clicks', at: iso(T0 + 59 * MINUTE), totalLag: '236' },
      { supervisorId: 'clicks', at: iso(T0 + 59 * MINUTE + 15_000), totalLag: '237' },
      { supervisorId: 'clicks', at: iso(T0 + 59 * MINUTE + 30_000), totalLag: '238' },
      { supervisorId: 'clicks', at: iso(T0 + 59 * MINUTE + 45_000), totalLag: '239' },
      { supervisorId: 'orders', at: iso(T0 + 59 * MINUTE + 59_000), totalLag: '77' },
    ]);
  });

  it('folds aged samples into 1-minute and 10-minute points, each once, and deletes each resolution past its keep', async () => {
    // Eight hours of samples, a spike of lag in one of them.
    const rows = samples(T0, T0 + 8 * HOUR, { totalLag: '5' });
    rows[4 * 60 * 4 + 2] = { ...rows[4 * 60 * 4 + 2], totalLag: '5000', processedPerSec: 500 };
    await insertMetrics(store.db, rows);
    const now = T0 + 8 * HOUR;
    const first = await maintainMetrics(store.db, { nowMs: now, retentionDays: 30, graceMs: MINUTE });
    // Buckets end a grace minute before now: 479 complete minutes, 47 complete ten-minute stretches.
    expect(first.written).toEqual({ 60: 8 * 60 - 1, 600: 47 });
    // Samples older than 6 hours are gone; the folded points stay.
    expect(first.deleted).toEqual({ 0: 2 * 60 * 4, 60: 0, 600: 0 });
    const again = await maintainMetrics(store.db, { nowMs: now, retentionDays: 30, graceMs: MINUTE });
    expect(again.written).toEqual({ 60: 0, 600: 0 });

    const minute = await readMetrics(store.db, 'clicks', { since: iso(T0 + 4 * HOUR), until: iso(T0 + 4 * HOUR + 2 * MINUTE), stepS: 60 });
    expect(minute.map((r) => [r.at, r.totalLag, r.processedPerSec, r.partitions])).toEqual([
      [iso(T0 + 4 * HOUR), '5000', 200, null],
      [iso(T0 + 4 * HOUR + MINUTE), '5', 100, null],
    ]);
    const tenMinutes = await readMetrics(store.db, 'clicks', { since: iso(T0), until: iso(T0 + HOUR), stepS: 600 });
    expect(tenMinutes).toHaveLength(6);

    // Two days on, 1-minute points are gone too; ten-minute points last the retention.
    const later = await maintainMetrics(store.db, { nowMs: now + 2 * DAY, retentionDays: 30, graceMs: MINUTE });
    expect(later.deleted[60]).toBe(8 * 60);
    expect(later.written[600]).toBe(1);
    const afterRetention = await maintainMetrics(store.db, { nowMs: now + 31 * DAY, retentionDays: 30, graceMs: MINUTE });
    expect(afterRetention.deleted[600]).toBe(48);
    const { count } = await store.db.selectFrom('supervisorMetrics').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    expect(Number(count)).toBe(0);
  });

  it('folds samples on either side of days when nothing was collected', async () => {
    await insertMetrics(store.db, [...samples(T0, T0 + 2 * MINUTE), ...samples(T0 + 5 * DAY, T0 + 5 * DAY + 2 * MINUTE)]);
    await maintainMetrics(store.db, { nowMs: T0 + 2 * MINUTE, retentionDays: 30, graceMs: 0 });
    const result = await maintainMetrics(store.db, { nowMs: T0 + 5 * DAY + 20 * MINUTE, retentionDays: 30, graceMs: 0 });
    expect(result.written).toEqual({ 60: 2, 600: 2 });
    const tens = await readMetrics(store.db, 'clicks', { since: iso(T0), until: iso(T0 + 6 * DAY), stepS: 600 });
    expect(tens.map((r) => r.at)).toEqual([iso(T0), iso(T0 + 5 * DAY)]);
  });

  it('reads a coarse range up to now, folding the newest minutes not yet downsampled', async () => {
    await insertMetrics(store.db, samples(T0, T0 + 30 * MINUTE, { totalLag: '5' }));
    await maintainMetrics(store.db, { nowMs: T0 + 20 * MINUTE, retentionDays: 30, graceMs: 0 });
    const rows = await readMetrics(store.db, 'clicks', { since: iso(T0), until: iso(T0 + 30 * MINUTE), stepS: 60 });
    expect(rows.map((r) => r.at)).toEqual(Array.from({ length: 30 }, (_, m) => iso(T0 + m * MINUTE)));
    expect(rows.every((r) => r.stepS === 60 && r.totalLag === '5')).toBe(true);
    const tens = await readMetrics(store.db, 'clicks', { since: iso(T0), until: iso(T0 + 30 * MINUTE), stepS: 600 });
    expect(tens.map((r) => r.at)).toEqual([0, 10, 20].map((m) => iso(T0 + m * MINUTE)));
  });
});
