// Sampler speed through the HTTP route, against kcat on the same topic in the same run:
//   1. 1,000 messages from earliest on a 12-partition topic: the route at most 2x kcat's time
//      (`kcat -C -o beginning -c 1000 -e`, which also pays its process start and connection).
//   2. 10,000 messages from a 12-partition topic: under 2 s.
// Prints figures; it asserts nothing. Run with:
//   node --conditions=react-server --import tsx bench/sampler.bench.ts
// (react-server: the route's modules import 'server-only', as Next.js runs them.)
import { execFile } from 'node:child_process';
import http from 'node:http';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import { MockCluster, produce } from '@/devstack/kafka/testing/local-kafka';

const RUNS = Number(process.env.RUNS ?? 11);
const TOPIC = 'bench-clicks';
const PARTITIONS = 12;
const MESSAGES = Number(process.env.MESSAGES ?? 24_000);
const run = promisify(execFile);

async function main() {
  const cluster = new MockCluster({ brokers: 3 });
  cluster.createTopic({ name: TOPIC, partitions: PARTITIONS });
  const base = Date.now() - MESSAGES * 100;
  await produce(
    cluster.bootstrapServers,
    TOPIC,
    Array.from({ length: MESSAGES }, (_, i) => ({
      key: `user-${i % 977}`,
      value: JSON.stringify({ time: new Date(base + i * 100).toISOString(), url: ['/', '/pricing', '/login', '/foo/bar'][i % 4], user: `user-${i % 977}`, latencyMs: (i * 37) % 900, session: `s-${(i * 7919) % 100_000}` }),
      partition: i % PARTITIONS,
      timestamp: String(base + i * 100),
    })),
  );
  process.env.KAFKA_BROKERS = cluster.bootstrapServers;
  process.env.DRUID_URL ??= 'http://127.0.0.1:1';
  const { POST } = await import('@/app/api/kafka/topics/[topic]/sample/route');
  const server = await serve(POST);
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/kafka/topics/${TOPIC}/sample`;

  console.log(`Sampler benchmark: ${MESSAGES.toLocaleString('en-US')} messages in ${PARTITIONS} partitions, 3 brokers (librdkafka mock), ${RUNS} runs each, load average ${loadavg()[0].toFixed(2)}`);
  const cold = await timeRoute(url, 1000);
  // The app is a long-running server: warm it up, then alternate route and kcat runs so both
  // see the same machine load.
  for (let i = 0; i < 3; i++) await timeRoute(url, 1000);
  const [route1k, kcat1k] = await alternating(() => timeRoute(url, 1000), () => timeKcat(cluster.bootstrapServers, 1000));
  const [route10k, kcat10k] = await alternating(() => timeRoute(url, 10_000), () => timeKcat(cluster.bootstrapServers, 10_000));

  console.log(`1,000 from earliest   route ${ms(route1k)} (first request, new connections: ${ms(cold)})   kcat ${ms(kcat1k)}   ratio ${(route1k / kcat1k).toFixed(2)}x   target <= 2x: ${route1k <= 2 * kcat1k ? 'met' : 'MISSED'}`);
  console.log(`10,000 from earliest  route ${ms(route10k)}   kcat ${ms(kcat10k)}   target < 2 s: ${route10k < 2000 ? 'met' : 'MISSED'}`);
  server.close();
  cluster.close();
  process.exit(0);
}

/** POSTs a sample and reads the NDJSON stream to its end event; returns milliseconds. */
async function timeRoute(url: string, limit: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', body: JSON.stringify({ from: 'earliest', limit }), headers: { 'content-type': 'application/json' } });
  const text = await response.text();
  const elapsed = performance.now() - started;
  const last = JSON.parse(text.trim().split('\n').at(-1)!);
  if (last.type !== 'end' || last.progress.records !== limit) throw new Error(`the route read ${last.progress?.records} of ${limit}: ${text.slice(0, 300)}`);
  return elapsed;
}

async function timeKcat(bootstrapServers: string, count: number): Promise<number> {
  const started = performance.now();
  const { stdout } = await run('kcat', ['-b', bootstrapServers, '-C', '-t', TOPIC, '-o', 'beginning', '-c', String(count), '-e', '-q'], { maxBuffer: 64 * 1024 * 1024 });
  const elapsed = performance.now() - started;
  const lines = stdout.split('\n').filter(Boolean).length;
  if (lines !== count) throw new Error(`kcat printed ${lines} of ${count} messages`);
  return elapsed;
}

/** Median of RUNS alternating measurements of a and b. */
async function alternating(a: () => Promise<number>, b: () => Promise<number>): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < RUNS; i++) {
    times[0].push(await a());
    times[1].push(await b());
  }
  const median = (list: number[]) => list.sort((x, y) => x - y)[Math.floor(list.length / 2)];
  return [median(times[0]), median(times[1])];
}

function serve(handler: (request: Request, context: { params: Promise<{ topic: string }> }) => Promise<Response>): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const topic = decodeURIComponent(req.url!.split('/')[4]);
    const response = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as HeadersInit, body: Buffer.concat(chunks) }), { params: Promise.resolve({ topic }) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    const reader = response.body!.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) res.write(next.value);
    res.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const ms = (value: number) => `${Math.round(value)} ms`;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
