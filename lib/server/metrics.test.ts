// The dashboard's lag history from the store: the last hour of every supervisor at the first read,
// then only what is new, including a round stored after a read with a time before it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lagTrend } from '@/lib/operate';
import type { MetricsRow } from '@/lib/store';
import { insertMetrics } from '@/lib/store/metrics';

let dir: string;
let metrics: typeof import('./metrics');
let audit: typeof import('./audit');
const NOW = Date.parse('2026-03-10T12:00:00Z');
const MINUTE = 60_000;

const sample = (supervisorId: string, atMs: number, totalLag: string | null): MetricsRow => ({
  supervisorId,
  stepS: 0,
  at: new Date(atMs).toISOString(),
  state: 'RUNNING',
  healthy: 1,
  totalLag,
  maxTimeLagMs: null,
  processedPerSec: null,
  unparseablePerSec: null,
  thrownAwayPerSec: null,
  withErrorPerSec: null,
  producedPerSec: null,
  consumedPerSec: null,
  tasks: 1,
  failedTasks: 0,
  partitions: null,
});

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-stored-lag-'));
  Object.assign(process.env, { KAFKA_BROKERS: 'localhost:9092', DRUID_URL: 'http://127.0.0.1:9', TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db') });
  metrics = await import('./metrics');
  audit = await import('./audit');
});

afterAll(async () => {
  await audit?.closeStore();
  rmSync(dir, { recursive: true, force: true });
});

describe('storedLagHistories', () => {
  it('gives a fresh dashboard the last hour at once, then tops it up with what the collector stores next', async () => {
    const db = (await audit.store()).db;
    // Ninety minutes of clicks, lag jumping in the last half minute; orders with no lag known.
    const rows: MetricsRow[] = [];
    for (let t = NOW - 90 * MINUTE; t < NOW; t += 15_000) rows.push(sample('clicks', t, t < NOW - 30_000 ? '1000' : '9000'), sample('orders', t, null));
    await insertMetrics(db, rows);

    const first = await metrics.storedLagHistories(NOW);
    expect([...first.keys()]).toEqual(['clicks']);
    const clicks = first.get('clicks')!;
    expect(clicks).toHaveLength(240);
    expect(clicks[0]).toEqual({ t: NOW - 60 * MINUTE, lag: '1000' });
    expect(lagTrend(clicks)).toBe('rising');

    // A round that began before that read, stored after it; then the next round.
    await insertMetrics(db, [sample('clicks', NOW - 5_000, '7'), sample('clicks', NOW + 10_000, '8'), sample('orders', NOW + 10_000, '3')]);
    const next = await metrics.storedLagHistories(NOW + 15_000);
    expect(next.get('clicks')!.slice(-2)).toEqual([
      { t: NOW - 5_000, lag: '7' },
      { t: NOW + 10_000, lag: '8' },
    ]);
    // The oldest point has aged out of the hour.
    expect(next.get('clicks')![0].t).toBe(NOW - 60 * MINUTE + 15_000);
    expect(next.get('orders')).toEqual([{ t: NOW + 10_000, lag: '3' }]);
  });
});
