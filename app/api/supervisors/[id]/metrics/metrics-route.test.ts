// GET /api/supervisors/{id}/metrics in-process over a SQLite store: the last hour by default, the
// resolution that fits a longer range, and bad ranges refused with the parameter named.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricsResponseSchema } from '@/lib/operate/monitoring-schemas';
import type { MetricsRow } from '@/lib/store';
import { insertMetrics } from '@/lib/store/metrics';

let dir: string;
let route: typeof import('./route');
let audit: typeof import('@/lib/server/audit');
const NOW = Date.now();

const sample = (atMs: number, totalLag: string): MetricsRow => ({
  supervisorId: 'web clicks',
  stepS: 0,
  at: new Date(atMs).toISOString(),
  state: 'RUNNING',
  healthy: 1,
  totalLag,
  maxTimeLagMs: 2_000,
  processedPerSec: 40,
  unparseablePerSec: 1,
  thrownAwayPerSec: 0,
  withErrorPerSec: 0,
  producedPerSec: 41,
  consumedPerSec: 40,
  tasks: 1,
  failedTasks: 0,
  partitions: null,
});

const get = (query: string) => route.GET(new Request(`http://localhost/api/supervisors/web%20clicks/metrics${query}`), { params: Promise.resolve({ id: 'web clicks' }) });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-metrics-route-'));
  Object.assign(process.env, { KAFKA_BROKERS: 'localhost:9092', DRUID_URL: 'http://127.0.0.1:9', TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db') });
  route = await import('./route');
  audit = await import('@/lib/server/audit');
  // Two hours of samples every 15 s, the lag counting the minutes since the start.
  const rows: MetricsRow[] = [];
  // Half an interval off the clock, so a request a few milliseconds after NOW counts the same samples.
  for (let t = NOW - 2 * 3_600_000 + 7_500; t < NOW; t += 15_000) rows.push(sample(t, String(Math.floor((t - (NOW - 2 * 3_600_000)) / 60_000))));
  await insertMetrics((await audit.store()).db, rows);
});

afterAll(async () => {
  await audit?.closeStore();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/supervisors/{id}/metrics', () => {
  it('answers every sample of the last hour by default', async () => {
    const response = await get('');
    expect(response.status).toBe(200);
    const body = MetricsResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ supervisorId: 'web clicks', stepSeconds: 0, collectIntervalMs: 15_000 });
    expect(body.points).toHaveLength(240);
    expect(body.points[0]).toMatchObject({ state: 'RUNNING', healthy: true, totalLag: '60', processedPerSec: 40, unparseablePerSec: 1, tasks: 1 });
    expect(Date.parse(body.until) - Date.parse(body.since)).toBe(3_600_000);
  });

  it('reads 1-minute points for a day, folded from the samples not yet downsampled', async () => {
    const body = MetricsResponseSchema.parse(await (await get('?since=-1d')).json());
    expect(body.stepSeconds).toBe(60);
    expect(body.points.length).toBeGreaterThanOrEqual(120);
    expect(body.points.length).toBeLessThanOrEqual(121);
    expect(body.points.every((p, i) => i === 0 || Date.parse(p.time) - Date.parse(body.points[i - 1].time) === 60_000)).toBe(true);
  });

  it('reads a range between two ISO times', async () => {
    const since = new Date(NOW - 90 * 60_000).toISOString();
    const until = new Date(NOW - 80 * 60_000).toISOString();
    const body = MetricsResponseSchema.parse(await (await get(`?since=${since}&until=${until}`)).json());
    expect(body.points).toHaveLength(40);
    expect(body.points.every((p) => p.time >= since && p.time < until)).toBe(true);
  });

  it('refuses a time it cannot read, or a range that ends before it starts, naming the parameter', async () => {
    const bad = await get('?since=yesterday');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/^Invalid request query\.since: must be now, a time before now such as -15m/) } });
    const backwards = await get('?since=-1h&until=-2h');
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).error.message).toContain('query.since: must be before until');
    const future = await get(`?since=${new Date(NOW + 3_600_000).toISOString()}`);
    expect(future.status).toBe(400);
    expect((await future.json()).error.message).toMatch(/query\.since: must be before until/);
  });
});
