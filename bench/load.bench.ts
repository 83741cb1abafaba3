// Many people on call at once: 50 concurrent clients for 60 s against the app on the local
// stack, each looping over what an operator's browser asks for — the dashboard's supervisor
// list, a status page, the topic list, a small SQL query. Prints errors and p50/p95/p99 per
// route, and the app server's resident memory before and after.
// Targets: 0 errors, p95 < 300 ms on every route, RSS < 400 MB.
// Prints figures; asserts nothing. Needs a running stack (bench/real-stack.ts):
//   node --import tsx bench/load.bench.ts [--clients 50] [--seconds 60]
import { parseArgs } from 'node:util';
import { describeStack, ms, percentile, residentMb, runBench, runningStack } from './real-stack';

const TARGET_P95_MS = 300;
const TARGET_RSS_MB = 400;
const REQUEST_TIMEOUT_MS = 30_000;

interface Mix {
  readonly name: string;
  readonly path: string;
  readonly body?: unknown;
}

runBench(async () => {
  const { values } = parseArgs({ options: { clients: { type: 'string', default: '50' }, seconds: { type: 'string', default: '60' } } });
  const clients = Number(values.clients);
  const durationMs = Number(values.seconds) * 1000;
  const stack = runningStack();
  console.log(describeStack(stack));
  const appPid = stack.pids.app;
  if (!appPid) throw new Error(`the stack file ${stack.file} names no app process`);

  const supervisor = await firstSupervisor(stack.appUrl);
  const mix: Mix[] = [
    { name: 'dashboard    GET /api/supervisors', path: '/api/supervisors' },
    { name: 'status page  GET /api/supervisors/{id}', path: `/api/supervisors/${encodeURIComponent(supervisor)}` },
    { name: 'topics       GET /api/kafka/topics', path: '/api/kafka/topics' },
    { name: 'SQL          POST /api/query/sql', path: '/api/query/sql', body: { query: `SELECT COUNT(*) AS "rows" FROM "${supervisor}"` } },
  ];
  const rssBeforeMb = residentMb([appPid]);
  console.log(`${clients} clients for ${durationMs / 1000} s; status page of ${supervisor}; app server RSS before: ${rssBeforeMb.toFixed(0)} MB`);

  const latencies = new Map<string, number[]>(mix.map((entry) => [entry.name, []]));
  const errors = new Map<string, string[]>(mix.map((entry) => [entry.name, []]));
  const endAt = Date.now() + durationMs;
  let peakRssMb = rssBeforeMb;
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, residentMb([appPid]))), 1_000);

  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let turn = client; Date.now() < endAt; turn++) {
        const entry = mix[turn % mix.length];
        const started = performance.now();
        try {
          const response = await fetch(stack.appUrl + entry.path, {
            method: entry.body ? 'POST' : 'GET',
            headers: entry.body ? { 'content-type': 'application/json' } : undefined,
            body: entry.body ? JSON.stringify(entry.body) : undefined,
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          const text = await response.text();
          if (!response.ok) errors.get(entry.name)!.push(`HTTP ${response.status}: ${text.slice(0, 160)}`);
          else latencies.get(entry.name)!.push(performance.now() - started);
        } catch (error) {
          errors.get(entry.name)!.push((error as Error).message);
        }
      }
    }),
  );
  clearInterval(sampler);
  const rssAfterMb = residentMb([appPid]);

  let allMet = true;
  for (const entry of mix) {
    const done = latencies.get(entry.name)!;
    const failed = errors.get(entry.name)!;
    const p95 = done.length ? percentile(done, 0.95) : Infinity;
    const met = failed.length === 0 && p95 < TARGET_P95_MS;
    allMet &&= met;
    console.log(
      `${entry.name.padEnd(42)} ${String(done.length).padStart(6)} ok  ${String(failed.length).padStart(4)} errors   ` +
        (done.length ? `p50 ${ms(percentile(done, 0.5))}  p95 ${ms(p95)}  p99 ${ms(percentile(done, 0.99))}` : 'no answer') +
        `   ${met ? 'met' : 'MISSED'}`,
    );
    for (const message of [...new Set(failed)].slice(0, 3)) console.log(`    ${message}`);
  }
  const total = [...latencies.values()].reduce((sum, list) => sum + list.length, 0);
  console.log(`${total.toLocaleString('en-US')} requests answered, ${(total / (durationMs / 1000)).toFixed(0)}/s`);
  console.log(
    `app server RSS: before ${rssBeforeMb.toFixed(0)} MB, peak ${peakRssMb.toFixed(0)} MB, after ${rssAfterMb.toFixed(0)} MB   target < ${TARGET_RSS_MB} MB: ${peakRssMb < TARGET_RSS_MB ? 'met' : 'MISSED'}`,
  );
  console.log(`targets (0 errors, p95 < ${TARGET_P95_MS} ms per route): ${allMet ? 'met' : 'MISSED'}`);
});

async function firstSupervisor(appUrl: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/supervisors`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = (await response.json()) as { supervisors?: Array<{ id: string }> };
  const id = body.supervisors?.find((row) => row.id === 'web-clickstream')?.id ?? body.supervisors?.[0]?.id;
  if (!id) throw new Error('the stack has no supervisor to open a status page of; start it without --no-demo-supervisors');
  return id;
}
