// The collector against the real stack's demo supervisors, into a SQLite file of its own: one round
// stores every streaming supervisor's state, lag and rates, read back through the metrics route;
// a second round takes rates from Druid's totals; two instances sharing the store do not both collect.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '@/testing/real-stack';
import { MetricsResponseSchema } from '@/lib/operate/monitoring-schemas';
import type { RowTotalsReading } from '@/lib/operate/metrics-history';
import { openStore, type Store } from '@/lib/store';

const RUNNING_DEMO = 'web-clickstream';
const DEMOS = [RUNNING_DEMO, 'crypto-prices'];

let dir: string;
let collector: typeof import('./collector');
let route: typeof import('@/app/api/supervisors/[id]/metrics/route');
let audit: typeof import('./audit');
let druidClient: typeof import('./druid');

beforeAll(async () => {
  const stack = testStack();
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-collector-'));
  Object.assign(process.env, { KAFKA_BROKERS: stack.kafka.bootstrapServers, DRUID_URL: stack.druidUrl, TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db') });
  collector = await import('./collector');
  route = await import('@/app/api/supervisors/[id]/metrics/route');
  audit = await import('./audit');
  druidClient = await import('./druid');
});

afterAll(async () => {
  await collector?.stopCollector();
  await audit?.closeStore();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const readRoute = async (id: string, query = '') => {
  const response = await route.GET(new Request(`http://localhost/api/supervisors/${id}/metrics${query}`), { params: Promise.resolve({ id }) });
  expect(response.status, await response.clone().text()).toBe(200);
  return MetricsResponseSchema.parse(await response.json());
};

describe('a collector round', () => {
  it("stores every streaming supervisor's state, lag from Kafka and rates, and the metrics route reads them back", async () => {
    const previous = new Map<string, RowTotalsReading>();
    const first = await collector.collectOnce({ previous });
    // Other tests may add supervisors of their own meanwhile; the demo ones are always there.
    expect(first.supervisors.map((s) => s.id)).toEqual(expect.arrayContaining(DEMOS));
    const listed = await druidClient.druid().supervisors.listWithState();
    for (const id of DEMOS) expect(first.supervisors.find((s) => s.id === id)!.point.state, id).toBe(listed.find((s) => s.id === id)!.state);

    const running = first.supervisors.find((s) => s.id === RUNNING_DEMO)!;
    expect(running).toMatchObject({ datasource: RUNNING_DEMO, topic: RUNNING_DEMO });
    expect(running.lag?.offsetSource).toBe('tasks');
    expect(running.point).toMatchObject({ state: 'RUNNING', healthy: true, totalLag: expect.stringMatching(/^\d+$/), failedTasks: expect.any(Number) });
    expect(running.point.tasks).toBeGreaterThanOrEqual(1);
    expect(running.point.processedPerSec).toBeGreaterThanOrEqual(0);
    expect(running.point.unparseablePerSec).toBe(0);

    // The clickstream writes a few messages a second: over a few seconds Druid's totals grow.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const second = await collector.collectOnce({ previous });
    const again = second.supervisors.find((s) => s.id === RUNNING_DEMO)!;
    expect(again.point.processedPerSec).toBeGreaterThan(0);

    const history = await readRoute(RUNNING_DEMO);
    expect(history.stepSeconds).toBe(0);
    expect(history.points.map((p) => p.time)).toEqual([new Date(first.at).toISOString(), new Date(second.at).toISOString()]);
    expect(history.points[1]).toEqual(again.point);
  });

  it('is taken by one of two instances sharing the store; the other takes over only once the lease lapses', async () => {
    const location = { kind: 'sqlite' as const, file: path.join(dir, 'tributary.db') };
    const stores: Store[] = [await openStore(location), await openStore(location)];
    const collected: string[] = [];
    const options = (i: number) => ({ intervalMs: 15_000, retentionDays: 30, holder: `instance-${i}`, db: async () => stores[i].db, hooks: [async () => void collected.push(`instance-${i}`)] });
    const one = collector.createCollector(options(0));
    const two = collector.createCollector(options(1));
    try {
      const now = Date.now() + 3_600_000;
      expect(await Promise.all([one.tick(now), two.tick(now + 10)])).toEqual(['collected', 'standby']);
      // The next interval: the holder keeps it.
      expect(await Promise.all([two.tick(now + 15_000), one.tick(now + 15_010)])).toEqual(['standby', 'collected']);
      expect(collected).toEqual(['instance-0', 'instance-0']);
      const { count } = await stores[0].db
        .selectFrom('supervisorMetrics')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('supervisorId', '=', RUNNING_DEMO)
        .where('at', '=', new Date(now).toISOString())
        .executeTakeFirstOrThrow();
      expect(Number(count)).toBe(1);
      // The first instance stops renewing: three intervals after its last renewal the lease lapses and the other collects.
      const lapsed = now + 15_010 + 3 * 15_000 + 1;
      expect(await two.tick(lapsed - 2)).toBe('standby');
      expect(await two.tick(lapsed)).toBe('collected');
      expect(await one.tick(lapsed + 10)).toBe('standby');
    } finally {
      await Promise.all([one.stop(), two.stop()]);
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
