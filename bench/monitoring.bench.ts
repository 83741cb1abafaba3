// What watching many supervisors costs Druid and Kafka. On the local stack: 200 topics of 16
// partitions and 200 Kafka supervisors, each its own datasource, submitted SUSPENDED — Druid starts
// no task for them (200 tasks cannot run on two cores) — with their committed offsets set to 0 by
// resetOffsets, so each partition has unread messages, a lag in messages and one in time.
//   1. Pages: an app server of its own (the production build, collector off) behind a counting
//      proxy to Druid and one to Kafka. 1 client, then 20, poll the dashboard; 1, then 20, poll one
//      status page with the browser's mix (the supervisor and its lag every poll, history and
//      freshness every third, as the page asks them every 5 s and 15 s); then 20 + 20 at once.
//      Druid requests per refresh with 20 clients ÷ with 1 (target ≤ 1.2 for both pages), and
//      GET /api/supervisors p95 under the 20 + 20 (target < 250 ms).
//   2. Collector: rounds of collectOnce() in this process against the same stack through the
//      counting proxies, with a store of its own; Druid and Kafka requests per minute at the
//      configured interval (15 s by default). No target: the issue asks for the figure.
// Prints figures; asserts nothing. Needs a running stack (bench/real-stack.ts) and the built app
// (bash scripts/build-app.sh). lib/server is server-only code, which loads under React's server
// condition:
//   node --conditions=react-server --import tsx bench/monitoring.bench.ts [--supervisors 200] [--seconds 30] [--part all|pages|collector]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startAppServer, type AppServer } from '@/e2e/access-server';
import { stackKafka } from '@/testing/app';
import { createTopicsWithLeaders } from '@/testing/kafka-cluster';
import { startHttpFaultProxy, type HttpFaultProxy } from '@/testing/http-fault-proxy';
import { startKafkaRequestCounter, type KafkaRequestCounter } from '@/testing/kafka-request-counter';
import { pollUntil } from '@/testing/real-stack';
import { BenchError, benchName, describeStack, kafkaSupervisorSpec, ms, onCleanup, percentile, runBench, runningStack, seconds, type BenchStack } from './real-stack';

const TARGET_RATIO = 1.2;
const TARGET_DASHBOARD_P95_MS = 250;
/** The browser asks history and freshness every 15 s and the rest every 5 s: every third poll. */
const SLOW_POLL_EVERY = 3;
const MESSAGES_PER_PARTITION = 2;
/** Overlord calls in flight at once while setting up and removing the supervisors. */
const SETUP_CONCURRENCY = 4;
/** Longer than a status page's shared reads are kept after their last viewer (3 × 5 s) plus one refresh. */
const PHASE_GAP_MS = 21_000;
/** Before the status-page phases: longer than the dashboard's list is kept warm after its last viewer (60 s), so they count none of its reads. */
const AFTER_DASHBOARD_GAP_MS = 70_000;
/** Druid refreshes a supervisor's latestOffsets every 30 s, the first time after its start. */
const OFFSETS_TIMEOUT_MS = 120_000;
const REQUEST_TIMEOUT_MS = 30_000;
const COLLECTOR_ROUNDS = 3;
/** Between measured rounds: past the Kafka client's 1-s metadata cache, as rounds 15 s apart are. */
const BETWEEN_ROUNDS_MS = 2_000;

runBench(async () => {
  const { values } = parseArgs({
    options: {
      supervisors: { type: 'string', default: '200' },
      partitions: { type: 'string', default: '16' },
      clients: { type: 'string', default: '20' },
      'poll-s': { type: 'string', default: '2' },
      seconds: { type: 'string', default: '30' },
      part: { type: 'string', default: 'all' },
    },
  });
  const count = Number(values.supervisors);
  const partitions = Number(values.partitions);
  const clients = Number(values.clients);
  const pollMs = Number(values['poll-s']) * 1000;
  const phaseMs = Number(values.seconds) * 1000;
  const part = values.part;
  if (!['all', 'pages', 'collector'].includes(part)) throw new BenchError(`--part must be all, pages or collector, not "${part}"`);
  if (part !== 'collector' && !existsSync(path.resolve('.next', 'BUILD_ID'))) throw new BenchError('the app is not built: run `bash scripts/build-app.sh` first.');

  const stack = runningStack();
  console.log(describeStack(stack));
  const ids = await createSupervisors(stack, benchName('mon'), count, partitions);

  const [host, port] = stack.real.kafka.bootstrapServers.split(',')[0].split(':');
  // In front of the plain listener, whose Metadata answers advertise its own port: the counter
  // writes its port there, so clients keep every connection through it. (The stack's proxied
  // listener advertises its fault proxy's port instead, which a counter would have to rewrite all the same.)
  const kafka = await startKafkaRequestCounter({ target: { host, port: Number(port) } });
  const druid = await startHttpFaultProxy({ target: stack.druidUrl });
  onCleanup('the counting proxies', async () => {
    await kafka.close();
    await druid.close();
  });

  if (part !== 'collector') await pagesFigures({ ids, clients, pollMs, phaseMs, druid, kafka });
  if (part !== 'pages') await collectorFigures({ ids, druid, kafka });
});

// ── Set-up ───────────────────────────────────────────────────────────────────────────────────

async function createSupervisors(stack: BenchStack, prefix: string, count: number, partitions: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
  const started = Date.now();
  const admin = stackKafka().admin();
  await admin.connect();
  try {
    onCleanup(`${count} topics ${prefix}-*`, async () => {
      const cleaner = stackKafka().admin();
      await cleaner.connect();
      await cleaner.deleteTopics({ topics: ids }).finally(() => cleaner.disconnect());
    });
    // 3,200 new partitions: a broker may still answer NOT_LEADER for some after CreateTopics returns.
    await createTopicsWithLeaders(admin, ids.map((topic) => ({ topic, numPartitions: partitions })));
  } finally {
    await admin.disconnect();
  }
  // Leaders of new partitions settle over a few seconds on a busy broker: retry longer than kafkajs's default.
  const producer = stackKafka().producer({ retry: { retries: 10 } });
  await producer.connect();
  try {
    const time = new Date().toISOString();
    await producer.sendBatch({
      topicMessages: ids.map((topic) => ({
        topic,
        messages: Array.from({ length: partitions * MESSAGES_PER_PARTITION }, (_, n) => ({ partition: n % partitions, value: JSON.stringify({ time, n }) })),
      })),
    });
  } finally {
    await producer.disconnect();
  }
  console.log(`${count} topics of ${partitions} partitions, ${MESSAGES_PER_PARTITION} messages in each partition: ${seconds(Date.now() - started)}`);

  const overlord = stack.real.druid.overlordUrl;
  const submitted: string[] = [];
  onCleanup(`the benchmark's supervisors ${prefix}-*`, async () => {
    // Reset forgets the offsets resetOffsets stored for the datasource; no task ever ran, so there are no segments to drop.
    await inBatches(submitted, SETUP_CONCURRENCY, async (id) => {
      await overlordPost(overlord, `/supervisor/${encodeURIComponent(id)}/reset`).catch(() => undefined);
      await overlordPost(overlord, `/supervisor/${encodeURIComponent(id)}/terminate`);
    });
  });
  await inBatches(ids, SETUP_CONCURRENCY, async (id) => {
    const spec = kafkaSupervisorSpec({ datasource: id, topic: id, bootstrapServers: stack.kafka.bootstrapServers, timestampSpec: { column: 'time', format: 'iso' }, dimensions: ['n'] });
    await overlordPost(overlord, '/supervisor', { ...spec, suspended: true });
    submitted.push(id);
    const offsets = Object.fromEntries(Array.from({ length: partitions }, (_, p) => [String(p), 0]));
    await overlordPost(overlord, `/supervisor/${encodeURIComponent(id)}/resetOffsets`, { type: 'kafka', partitions: { type: 'end', stream: id, partitionOffsetMap: offsets } });
  });
  console.log(`${count} supervisors submitted SUSPENDED (no tasks: 200 cannot run on 2 cores), committed offsets at 0: ${seconds(Date.now() - started)}`);
  const last = ids.at(-1)!;
  await pollUntil(
    `Druid's status of ${last} to list its latest offsets`,
    async () => (await (await fetch(`${overlord}/druid/indexer/v1/supervisor/${encodeURIComponent(last)}/status`)).json()) as { payload?: { minimumLag?: Record<string, number> } },
    (status) => Object.keys(status.payload?.minimumLag ?? {}).length === partitions,
    OFFSETS_TIMEOUT_MS,
  );
  console.log(`Druid lists their lag (${partitions * MESSAGES_PER_PARTITION} messages each): ${seconds(Date.now() - started)}`);
  return ids;
}

async function overlordPost(overlord: string, route: string, body?: unknown): Promise<void> {
  const response = await fetch(`${overlord}/druid/indexer/v1${route}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${route} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
}

async function inBatches<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

// ── Pages ────────────────────────────────────────────────────────────────────────────────────

interface Page {
  readonly name: string;
  /** The routes one poll asks for, by route name, path and query. */
  poll(tick: number): readonly { readonly route: string; readonly path: string }[];
}

interface PhaseResult {
  readonly druid: number;
  readonly kafka: number;
  readonly latencies: Map<string, number[]>;
  readonly errors: string[];
}

async function pagesFigures(options: { ids: readonly string[]; clients: number; pollMs: number; phaseMs: number; druid: HttpFaultProxy; kafka: KafkaRequestCounter }): Promise<void> {
  const { clients, pollMs, phaseMs, druid, kafka } = options;
  const watched = options.ids[0];
  const base = `/api/supervisors/${encodeURIComponent(watched)}`;
  const dashboard: Page = { name: 'dashboard', poll: () => [{ route: 'GET /api/supervisors', path: '/api/supervisors' }] };
  const statusPage: Page = {
    name: 'status page',
    poll: (tick) => [
      { route: 'GET /api/supervisors/{id}', path: base },
      { route: 'GET /api/supervisors/{id}/lag', path: `${base}/lag` },
      ...(tick % SLOW_POLL_EVERY === 0
        ? [
            { route: 'GET /api/supervisors/{id}/metrics', path: `${base}/metrics?since=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}` },
            { route: 'GET /api/supervisors/{id}/freshness', path: `${base}/freshness` },
          ]
        : []),
    ],
  };

  const dir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-monitoring-app-'));
  onCleanup('the app server folder', async () => rmSync(dir, { recursive: true, force: true }));
  const app: AppServer = await startAppServer(
    'bench-app',
    { DRUID_URL: druid.url, KAFKA_BROKERS: kafka.bootstrapServers, TRIBUTARY_COLLECT: 'false', TRIBUTARY_AUTH: 'open', TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db') },
    { dir },
  );
  onCleanup('the app server', () => app.stop());
  // Each route once, so that the phases measure serving, not first-time loading.
  for (const { path: route } of [...dashboard.poll(0), ...statusPage.poll(0)]) await fetch(app.url + route, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then((r) => r.text());

  console.log(
    `\npages: app server ${app.url} (collector off) over ${options.ids.length} benchmark supervisors; each client polls every ${seconds(pollMs)}, ${seconds(phaseMs)} a phase; ` +
      `the status page of ${watched} asks for the supervisor and its lag every poll, its history and freshness every ${SLOW_POLL_EVERY}rd`,
  );
  const run = async (name: string, groups: readonly { page: Page; clients: number }[], gapMs = PHASE_GAP_MS): Promise<PhaseResult> => {
    await new Promise((resolve) => setTimeout(resolve, gapMs));
    const result = await phase(app.url, groups, pollMs, phaseMs, druid, kafka);
    console.log(`  ${name.padEnd(30)} ${String(result.druid).padStart(6)} Druid requests  ${String(result.kafka).padStart(5)} Kafka requests  ${result.errors.length} errors`);
    return result;
  };
  const dashboardOne = await run('dashboard, 1 client', [{ page: dashboard, clients: 1 }]);
  const dashboardMany = await run(`dashboard, ${clients} clients`, [{ page: dashboard, clients }]);
  const statusOne = await run('status page, 1 client', [{ page: statusPage, clients: 1 }], AFTER_DASHBOARD_GAP_MS);
  const statusMany = await run(`status page, ${clients} clients`, [{ page: statusPage, clients }]);
  // The dashboard's list went cold during the status-page phases: the first view after a quiet
  // minute waits for one whole refresh. Timed on its own, so the phase below measures polling.
  await new Promise((resolve) => setTimeout(resolve, PHASE_GAP_MS));
  const coldStarted = performance.now();
  await fetch(app.url + dashboard.poll(0)[0].path, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then((r) => r.text());
  console.log(`  first dashboard view after a quiet minute (one refresh of ${options.ids.length} supervisors): ${ms(performance.now() - coldStarted)}`);
  const both = await run(`both, ${clients} + ${clients} clients`, [
    { page: dashboard, clients },
    { page: statusPage, clients },
  ]);

  const refreshes = phaseMs / pollMs;
  const perRefresh = (value: number) => (value / refreshes).toFixed(1);
  const ratioLine = (name: string, one: PhaseResult, many: PhaseResult) => {
    const ratio = many.druid / one.druid;
    console.log(
      `${name.padEnd(12)} Druid requests per ${seconds(pollMs)} refresh: 1 client ${perRefresh(one.druid)}, ${clients} clients ${perRefresh(many.druid)}: ×${ratio.toFixed(2)}   target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}` +
        `   (Kafka: ${perRefresh(one.kafka)} and ${perRefresh(many.kafka)})`,
    );
  };
  ratioLine('dashboard', dashboardOne, dashboardMany);
  ratioLine('status page', statusOne, statusMany);
  const combined = (both.druid / (dashboardOne.druid + statusOne.druid)).toFixed(2);
  console.log(`both pages, ${clients} + ${clients} clients: ${perRefresh(both.druid)} Druid requests per refresh, ×${combined} those of 1 + 1`);
  for (const [route, done] of both.latencies) {
    const p95 = done.length ? percentile(done, 0.95) : Infinity;
    const target = route === 'GET /api/supervisors' ? `   target p95 < ${TARGET_DASHBOARD_P95_MS} ms: ${p95 < TARGET_DASHBOARD_P95_MS ? 'met' : 'MISSED'}` : '';
    console.log(
      `  ${route.padEnd(36)} ${String(done.length).padStart(5)} ok  ` + (done.length ? `p50 ${ms(percentile(done, 0.5))}  p95 ${ms(p95)}  p99 ${ms(percentile(done, 0.99))}` : 'no answer') + target,
    );
  }
  const errors = [dashboardOne, dashboardMany, statusOne, statusMany, both].flatMap((result) => result.errors);
  console.log(`errors: ${errors.length}`);
  for (const message of [...new Set(errors)].slice(0, 5)) console.log(`    ${message}`);
  await app.stop();
}

/** Clients of each page polling for phaseMs, their first polls spread over one interval; Druid and Kafka requests counted meanwhile. */
async function phase(appUrl: string, groups: readonly { page: Page; clients: number }[], pollMs: number, phaseMs: number, druid: HttpFaultProxy, kafka: KafkaRequestCounter): Promise<PhaseResult> {
  const latencies = new Map<string, number[]>();
  const errors: string[] = [];
  const druidBefore = druid.requests.length;
  kafka.reset();
  const startedAt = Date.now();
  const endAt = startedAt + phaseMs;
  const client = async (page: Page, offsetMs: number) => {
    for (let tick = 0; ; tick++) {
      const dueAt = startedAt + offsetMs + tick * pollMs;
      if (dueAt >= endAt) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - Date.now())));
      // The page's queries of one poll go out together, as the browser sends them.
      await Promise.all(
        page.poll(tick).map(async ({ route, path: url }) => {
          const started = performance.now();
          try {
            const response = await fetch(appUrl + url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
            const text = await response.text();
            if (!response.ok) return void errors.push(`${route}: HTTP ${response.status}: ${text.slice(0, 160)}`);
            latencies.set(route, [...(latencies.get(route) ?? []), performance.now() - started]);
          } catch (error) {
            errors.push(`${route}: ${(error as Error).message}`);
          }
        }),
      );
    }
  };
  await Promise.all(groups.flatMap(({ page, clients }) => Array.from({ length: clients }, (_, k) => client(page, (k * pollMs) / clients))));
  return { druid: druid.requests.length - druidBefore, kafka: kafka.total(), latencies, errors };
}

// ── Collector ────────────────────────────────────────────────────────────────────────────────

async function collectorFigures(options: { ids: readonly string[]; druid: HttpFaultProxy; kafka: KafkaRequestCounter }): Promise<void> {
  const { druid, kafka } = options;
  const dir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-monitoring-'));
  onCleanup('the collector store', async () => rmSync(dir, { recursive: true, force: true }));
  // Read once, on first use: set before lib/server is loaded.
  Object.assign(process.env, { KAFKA_BROKERS: kafka.bootstrapServers, DRUID_URL: druid.url, TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db'), TRIBUTARY_COLLECT: 'false' });
  const server = await loadServer();
  const { collectOnce } = server.collector;
  onCleanup("the collector's store and Kafka connections", async () => {
    await server.kafka.closeKafkaClient();
    await server.audit.closeStore();
  });
  const intervalMs = server.config.getConfig().monitoring.intervalMs;

  // A first round opens the store and the Kafka connections, as a process's first round does.
  let collection = await collectOnce();
  const rounds: { druid: Map<string, number>; kafka: Record<string, number>; durationMs: number }[] = [];
  for (let round = 0; round < COLLECTOR_ROUNDS; round++) {
    await new Promise((resolve) => setTimeout(resolve, BETWEEN_ROUNDS_MS));
    const before = druid.requests.length;
    kafka.reset();
    const started = performance.now();
    collection = await collectOnce();
    rounds.push({ druid: byRoute(druid.requests.slice(before).map((request) => `${request.method} ${request.url}`)), kafka: kafka.counts(), durationMs: performance.now() - started });
  }
  const supervisors = collection.supervisors.length;
  const ours = collection.supervisors.filter((supervisor) => options.ids.includes(supervisor.id));
  const withLag = ours.filter((supervisor) => supervisor.lag !== null && supervisor.lag.maxTimeLagMs !== null).length;
  const perMinute = 60_000 / intervalMs;
  const total = (counts: Iterable<number>) => [...counts].reduce((sum, value) => sum + value, 0);
  const druidPerRound = rounds.map((round) => total(round.druid.values()));
  const kafkaPerRound = rounds.map((round) => total(Object.values(round.kafka)));
  const spread = (values: number[]) => (Math.min(...values) === Math.max(...values) ? String(values[0]) : `${Math.min(...values)}–${Math.max(...values)}`);
  const breakdown = (counts: Iterable<[string, number]>) => [...counts].map(([name, value]) => `${name} ${value}`).join(', ');

  console.log(
    `\ncollector: ${COLLECTOR_ROUNDS} rounds of collectOnce() over ${supervisors} supervisors (${ours.length} of the benchmark's, ${withLag} with a time lag read from Kafka), ` +
      `p50 ${ms(percentile(rounds.map((round) => round.durationMs), 0.5))} a round; the alert and freshness work after a round is not counted (freshness probes only RUNNING supervisors)`,
  );
  const busiest = (values: number[]) => rounds[values.indexOf(Math.max(...values))];
  console.log(`  Druid: ${spread(druidPerRound)} requests a round (${breakdown(busiest(druidPerRound).druid)})`);
  console.log(`  Kafka: ${spread(kafkaPerRound)} requests a round (${breakdown(Object.entries(busiest(kafkaPerRound).kafka))})`);
  console.log(
    `collector cost for ${supervisors} supervisors at one round every ${seconds(intervalMs)}: ${Math.round(Math.max(...druidPerRound) * perMinute).toLocaleString('en-US')} Druid requests/min, ` +
      `${Math.round(Math.max(...kafkaPerRound) * perMinute).toLocaleString('en-US')} Kafka requests/min (no target)`,
  );
}

async function loadServer() {
  try {
    return {
      collector: await import('@/lib/server/collector'),
      audit: await import('@/lib/server/audit'),
      config: await import('@/lib/config'),
      kafka: await import('@/lib/kafka/client'),
    };
  } catch (error) {
    if (/Client Component|server-only/i.test((error as Error).message)) throw new BenchError("lib/server loads only under React's server condition: run node --conditions=react-server --import tsx bench/monitoring.bench.ts");
    throw error;
  }
}

/** Requests counted by what they ask for, one supervisor's or task's calls together. */
function byRoute(requests: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) {
    const [method, url] = request.split(' ');
    const [route, query] = url.split('?');
    const name = `${method} ${route.replace(/\/supervisor\/[^/]+/, '/supervisor/{id}').replace(/\/task\/[^/]+/, '/task/{id}')}${query ? `?${query.split('&').map((pair) => pair.split('=')[0]).join('&')}` : ''}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
