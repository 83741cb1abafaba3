// The collector against a scripted Overlord and a SQLite store, Kafka unreachable: what one round
// stores and how many Druid calls it costs, rates from Druid's totals between rounds, a failed
// round logged and the next one trying again, and work after a round that fails without stopping it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, startFakeDruid, type FakeDruid, type RecordedRequest, type Reply } from '@/lib/druid/testing/fake-druid';
import type { RowTotalsReading } from '@/lib/operate/metrics-history';
import { readMetrics } from '@/lib/store/metrics';
import type { Collection } from './collected';

const BASE = '/druid/indexer/v1/supervisor';
const NOW = Date.now();

let fake: FakeDruid;
let dir: string;
let collector: typeof import('./collector');
let audit: typeof import('./audit');
let processed: number;
let overlordDown: boolean;

const spec = (dataSource: string) => ({ type: 'kafka', spec: { dataSchema: { dataSource }, ioConfig: { topic: `${dataSource}-topic` } } });
const rowStats = (processedTotal: number, perSecond: number) => ({
  movingAverages: { buildSegments: { '1m': { processed: perSecond, processedWithError: 0, unparseable: 0.5, thrownAway: 0 } } },
  totals: { buildSegments: { processed: processedTotal, processedWithError: 0, unparseable: 3, thrownAway: 0 } },
});

function overlord(request: RecordedRequest): Reply {
  const url = new URL(request.url, 'http://fake');
  if (overlordDown) return json('{"error":"the Overlord is restarting"}', 503);
  if (url.pathname === BASE && url.search === '?full') {
    return json(
      JSON.stringify([
        { id: 'clicks', state: 'RUNNING', detailedState: 'RUNNING', healthy: true, suspended: false, type: 'kafka', spec: spec('clicks') },
        { id: 'orders', state: 'SUSPENDED', detailedState: 'SUSPENDED', healthy: true, suspended: true, type: 'kafka', spec: spec('orders') },
        { id: 'compaction', state: 'RUNNING', detailedState: 'RUNNING', healthy: true, suspended: false, type: 'autocompact', spec: { type: 'autocompact' } },
      ]),
    );
  }
  if (url.pathname === `${BASE}/clicks/status`) {
    return json(
      JSON.stringify({
        id: 'clicks',
        payload: {
          dataSource: 'clicks',
          stream: 'clicks-topic',
          partitions: 1,
          activeTasks: [{ id: 'task-1', currentOffsets: { 0: 900 } }],
          publishingTasks: [{ id: 'task-0', currentOffsets: { 0: 500 } }],
          latestOffsets: { 0: 1000 },
          minimumLag: { 0: 100 },
          aggregateLag: 100,
          offsetsLastUpdated: new Date().toISOString(),
          suspended: false,
          healthy: true,
          state: 'RUNNING',
          detailedState: 'RUNNING',
        },
      }),
    );
  }
  if (url.pathname === `${BASE}/clicks/stats`) return json(JSON.stringify({ 0: { 'task-1': rowStats(processed, 7) } }));
  // The suspended one's status times out: its sample still says what the list said.
  if (url.pathname.startsWith(`${BASE}/orders/`)) return json('{"error":"busy"}', 500);
  if (url.pathname === '/druid/indexer/v1/tasks') {
    return json(
      JSON.stringify([
        { id: 'old', type: 'index_kafka', dataSource: 'clicks', statusCode: 'FAILED', createdTime: new Date(NOW - 5 * 3_600_000).toISOString(), duration: 1_000 },
        { id: 'recent-1', type: 'index_kafka', dataSource: 'clicks', statusCode: 'FAILED', createdTime: new Date(NOW - 2 * 3_600_000).toISOString(), duration: 3_600_000 + 60_000 },
        { id: 'recent-2', type: 'index_kafka', dataSource: 'clicks', statusCode: 'FAILED', createdTime: new Date(NOW - 600_000).toISOString(), duration: 5_000 },
        { id: 'fine', type: 'index_kafka', dataSource: 'clicks', statusCode: 'SUCCESS', createdTime: new Date(NOW - 600_000).toISOString(), duration: 5_000 },
      ]),
    );
  }
  return json('{"error":"not scripted"}', 404);
}

beforeAll(async () => {
  fake = await startFakeDruid(overlord);
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-collector-unit-'));
  Object.assign(process.env, { KAFKA_BROKERS: '127.0.0.1:1', DRUID_URL: fake.url, TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db') });
  collector = await import('./collector');
  audit = await import('./audit');
});

afterAll(async () => {
  await audit?.closeStore();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  processed = 10_000;
  overlordDown = false;
  fake.requests.length = 0;
  await (await audit.store()).db.deleteFrom('supervisorMetrics').execute();
  await (await audit.store()).db.deleteFrom('leases').execute();
});

describe('one round', () => {
  it("stores each streaming supervisor's sample with one list, one status and stats each, and one task list", async () => {
    const collection = await collector.collectOnce({ now: NOW });
    expect(collection.supervisors.map((s) => s.id)).toEqual(['clicks', 'orders']);
    const paths = fake.requests.map((r) => new URL(r.url, 'http://fake').pathname).sort();
    expect(paths).toEqual([BASE, `${BASE}/clicks/stats`, `${BASE}/clicks/status`, `${BASE}/orders/stats`, `${BASE}/orders/status`, '/druid/indexer/v1/tasks'].sort());

    const [clicks] = await readMetrics((await audit.store()).db, 'clicks', { since: new Date(NOW).toISOString(), until: new Date(NOW + 1).toISOString(), stepS: 0 });
    expect(clicks).toMatchObject({
      state: 'RUNNING',
      healthy: 1,
      // First round: Druid's 1-minute averages.
      processedPerSec: 7,
      unparseablePerSec: 0.5,
      tasks: 2,
      // Two failed within the last hour; one failed long before.
      failedTasks: 2,
    });
    expect(clicks.totalLag).toMatch(/^\d+$/);
    expect(collection.supervisors[0]).toMatchObject({ datasource: 'clicks', topic: 'clicks-topic', point: { state: 'RUNNING', healthy: true, failedTasks: 2 } });

    const orders = collection.supervisors[1];
    expect(orders).toMatchObject({ datasource: 'orders', topic: 'orders-topic', status: null, lag: null, point: { state: 'SUSPENDED', healthy: true, totalLag: null, processedPerSec: null, tasks: null, failedTasks: 0 } });
  });

  it("takes the next round's rates from the growth of Druid's totals", async () => {
    const previous = new Map<string, RowTotalsReading>();
    await collector.collectOnce({ now: NOW, previous });
    processed += 2_000;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const second = await collector.collectOnce({ now: NOW + 1_000, previous });
    const rate = second.supervisors[0].point.processedPerSec!;
    // 2,000 rows in a little over a second, not Druid's 7/s average.
    expect(rate).toBeGreaterThan(1_500);
    expect(rate).toBeLessThanOrEqual(2_000);
    expect(second.supervisors[0].point.unparseablePerSec).toBe(0);
  });
});

describe('the collector', () => {
  it('logs a failed round with the reason once, tries again each interval, and says when it collects again', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const seen: Collection[] = [];
    const instance = collector.createCollector({ intervalMs: 15_000, retentionDays: 30, hooks: [async (collection) => void seen.push(collection)] });
    try {
      overlordDown = true;
      expect(await instance.tick(NOW)).toBe('failed');
      expect(errors.mock.calls.map((call) => String(call[0])).join('\n')).toContain("Tributary's collector round failed, the next one tries again in 15 s: the Overlord is restarting");
      expect(seen).toEqual([]);
      // Still down for the same reason: not said again.
      const said = errors.mock.calls.length;
      expect(await instance.tick(NOW + 15_000)).toBe('failed');
      expect(errors.mock.calls.slice(said).filter((call) => String(call[0]).includes('collector'))).toEqual([]);
      overlordDown = false;
      expect(await instance.tick(NOW + 30_000)).toBe('collected');
      expect(seen.map((c) => c.at)).toEqual([NOW + 30_000]);
      expect(logs).toHaveBeenCalledWith("Tributary's collector is collecting again after 2 failed rounds.");
    } finally {
      errors.mockRestore();
      logs.mockRestore();
      await instance.stop();
    }
  });

  it('runs every hook after a round even when one fails, and never two rounds at once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const ran: string[] = [];
    const failing = async function alerts() {
      throw new Error('webhook receiver down');
    };
    const instance = collector.createCollector({ intervalMs: 15_000, retentionDays: 30, hooks: [failing, async () => void ran.push('freshness')] });
    try {
      const [first, overlapping] = await Promise.all([instance.tick(NOW), instance.tick(NOW + 1)]);
      expect([first, overlapping]).toEqual(['collected', 'busy']);
      expect(ran).toEqual(['freshness']);
      expect(errors.mock.calls.map((call) => String(call[0])).join('\n')).toContain('work after the round failed (alerts): webhook receiver down');
    } finally {
      errors.mockRestore();
      await instance.stop();
    }
  });
});

describe('failedTasksByDatasource', () => {
  it('counts tasks that ended FAILED within the last hour, per datasource', () => {
    const task = (dataSource: string, status: string, endedMinutesAgo: number) => ({ id: `${dataSource}-${endedMinutesAgo}`, dataSource, statusCode: status, createdTime: new Date(NOW - endedMinutesAgo * 60_000 - 1_000).toISOString(), duration: 1_000 });
    const counts = collector.failedTasksByDatasource([task('a', 'FAILED', 5), task('a', 'FAILED', 59), task('a', 'FAILED', 61), task('a', 'SUCCESS', 5), task('b', 'FAILED', 1)], NOW);
    expect(Object.fromEntries(counts)).toEqual({ a: 2, b: 1 });
  });
});
