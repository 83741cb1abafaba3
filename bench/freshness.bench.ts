// Freshness of the local Druid engine: how long from a produce to Kafka until the message is
// visible to a Druid SQL query, at the demo's rate (the demo's topics together produce about
// 15 messages/s; this runs at 20/s and at 200/s). Target: p95 under 2 s.
// Prints figures; asserts nothing. Run with:  node --import tsx bench/freshness.bench.ts
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { MockCluster } from '@/devstack/kafka/mock-cluster';
import { startEngine } from '@/devstack/druid/server';

const TOPIC = 'freshness';
const DURATION_MS = Number(process.env.DURATION_MS ?? 15_000);
const POLL_MS = 25;

async function measure(rate: number): Promise<{ p50: number; p95: number; max: number; count: number }> {
  const cluster = new MockCluster({ brokers: 3 });
  cluster.createTopic({ name: TOPIC, partitions: 3 });
  const engine = await startEngine({ port: 0, dataPath: ':memory:' });
  const producer = new Kafka({ brokers: cluster.bootstrapServers.split(','), logLevel: logLevel.NOTHING }).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const submitted = await fetch(`${engine.url}/druid/indexer/v1/supervisor`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'kafka',
        spec: {
          dataSchema: {
            dataSource: TOPIC,
            timestampSpec: { column: 'time', format: 'millis' },
            dimensionsSpec: { dimensions: [{ type: 'long', name: 'seq' }] },
            granularitySpec: { segmentGranularity: 'hour', queryGranularity: 'none', rollup: false },
          },
          ioConfig: { topic: TOPIC, inputFormat: { type: 'json' }, consumerProperties: { 'bootstrap.servers': cluster.bootstrapServers }, useEarliestOffset: true },
          tuningConfig: { type: 'kafka' },
        },
      }),
    });
    if (!submitted.ok) throw new Error(`submit failed: ${await submitted.text()}`);

    const producedAt: number[] = [];
    const visibleAt: number[] = [];
    let visibleUpTo = -1;
    let producing = true;
    const poller = (async () => {
      while (producing || visibleUpTo < producedAt.length - 1) {
        const response = await fetch(`${engine.url}/druid/v2/sql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `SELECT seq FROM "${TOPIC}" WHERE seq > ${visibleUpTo}`, resultFormat: 'array' }),
        });
        const now = Date.now();
        if (response.ok) {
          for (const [seq] of (await response.json()) as [number][]) visibleAt[seq] ??= now;
          while (visibleAt[visibleUpTo + 1] !== undefined) visibleUpTo++;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    })();

    const interval = 1000 / rate;
    const start = Date.now();
    for (let seq = 0; Date.now() - start < DURATION_MS; seq++) {
      const due = start + seq * interval;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      const at = Date.now();
      producedAt[seq] = at;
      await producer.send({ topic: TOPIC, messages: [{ value: JSON.stringify({ time: at, seq }) }] });
    }
    producing = false;
    await Promise.race([poller, new Promise((resolve) => setTimeout(resolve, 10_000))]);

    const latencies = producedAt.map((at, seq) => (visibleAt[seq] ?? Number.NaN) - at).filter(Number.isFinite).sort((a, b) => a - b);
    const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    return { p50: pick(0.5), p95: pick(0.95), max: latencies[latencies.length - 1], count: latencies.length };
  } finally {
    await producer.disconnect();
    await engine.close();
    cluster.close();
  }
}

async function main(): Promise<void> {
  for (const rate of [20, 200]) {
    const { p50, p95, max, count } = await measure(rate);
    console.log(`produce -> queryable at ${rate} msg/s over ${DURATION_MS / 1000} s (${count} messages): p50 ${p50} ms, p95 ${p95} ms, max ${max} ms (target p95 < 2000 ms)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
