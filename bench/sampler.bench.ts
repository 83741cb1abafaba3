// Sampler speed through the app's route on the real Kafka, against kcat on the same topic in the
// same run (kcat also pays its process start and connection, as the route pays its HTTP request):
//   1. 1,000 messages from earliest on a 12-partition topic: the route at most 1.5x kcat's time.
//   2. 10,000 messages from earliest: printed beside kcat's, no target.
// Prints figures; asserts nothing. Needs a running stack (bench/real-stack.ts):
//   node --import tsx bench/sampler.bench.ts
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { benchName, createTopicWithMessages, describeStack, median, ms, runBench, runningStack, type BenchStack } from './real-stack';

const RUNS = Number(process.env.RUNS ?? 9);
const PARTITIONS = 12;
const MESSAGES = 24_000;
const TARGET_RATIO = 1.5;
const URLS = ['/', '/pricing', '/login', '/foo/bar'];
const run = promisify(execFile);

runBench(async () => {
  const stack = runningStack();
  await run('kcat', ['-V']).catch(() => {
    throw new Error('kcat is not installed: run `bash scripts/ensure.sh --kcat`');
  });
  const topic = benchName('sampler');
  const base = Date.now() - MESSAGES * 100;
  await createTopicWithMessages(topic, PARTITIONS, MESSAGES, (i) => ({
    key: `user-${i % 977}`,
    value: JSON.stringify({ time: new Date(base + i * 100).toISOString(), url: URLS[i % 4], user: `user-${i % 977}`, latencyMs: (i * 37) % 900, session: `s-${(i * 7919) % 100_000}` }),
    timestamp: String(base + i * 100),
  }));

  console.log(`Sampler benchmark: ${MESSAGES.toLocaleString('en-US')} messages in ${PARTITIONS} partitions of ${topic}, median of ${RUNS} runs each`);
  console.log(describeStack(stack));
  const viaProxy = stack.appKafkaBootstrapServers && stack.appKafkaBootstrapServers !== stack.kafka.bootstrapServers;
  if (viaProxy) console.log(`note: the app reaches Kafka through the fault proxy (${stack.appKafkaBootstrapServers}); kcat uses Kafka's own ${stack.kafka.bootstrapServers}`);

  const cold = await timeRoute(stack, topic, 1000);
  // The app is a long-running server: warm it up, then alternate route and kcat runs so both
  // see the same machine load.
  for (let i = 0; i < 2; i++) await timeRoute(stack, topic, 1000);
  const [route1k, kcat1k] = await alternating(() => timeRoute(stack, topic, 1000), () => timeKcat(stack.kafka.bootstrapServers, topic, 1000));
  const [route10k, kcat10k] = await alternating(() => timeRoute(stack, topic, 10_000), () => timeKcat(stack.kafka.bootstrapServers, topic, 10_000));

  const ratio = route1k / kcat1k;
  console.log(`1,000 from earliest   route ${ms(route1k)} (first request: ${ms(cold)})   kcat ${ms(kcat1k)}   ratio ${ratio.toFixed(2)}x   target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}`);
  console.log(`10,000 from earliest  route ${ms(route10k)}   kcat ${ms(kcat10k)}   ratio ${(route10k / kcat10k).toFixed(2)}x`);
  if (viaProxy) {
    const proxied: number[] = [];
    for (let i = 0; i < RUNS; i++) proxied.push(await timeKcat(stack.appKafkaBootstrapServers!, topic, 1000));
    console.log(`1,000 from earliest   kcat through the app's fault proxy ${ms(median(proxied))} (kcat direct ${ms(kcat1k)}): what the proxy adds to the route's time`);
  }
});

/** POSTs a sample as the wizard does and reads the NDJSON stream to its end event; returns milliseconds. */
async function timeRoute(stack: BenchStack, topic: string, limit: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${stack.appUrl}/api/kafka/topics/${encodeURIComponent(topic)}/sample`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: 'earliest', limit }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error(`the sample route answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  const last = JSON.parse(text.trim().split('\n').at(-1)!) as { type: string; progress?: { records: number } };
  if (last.type !== 'end' || last.progress?.records !== limit) throw new Error(`the route read ${last.progress?.records} of ${limit}: ${text.slice(-300)}`);
  return elapsed;
}

async function timeKcat(bootstrapServers: string, topic: string, count: number): Promise<number> {
  const started = performance.now();
  const { stdout } = await run('kcat', ['-C', '-b', bootstrapServers, '-t', topic, '-o', 'beginning', '-c', String(count), '-e', '-q'], { maxBuffer: 64 * 1024 * 1024 });
  const elapsed = performance.now() - started;
  const lines = stdout.split('\n').filter(Boolean).length;
  if (lines !== count) throw new Error(`kcat printed ${lines} of ${count} messages`);
  return elapsed;
}

/** Medians of RUNS alternating measurements of a and b. */
async function alternating(a: () => Promise<number>, b: () => Promise<number>): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < RUNS; i++) {
    times[0].push(await a());
    times[1].push(await b());
  }
  return [median(times[0]), median(times[1])];
}
