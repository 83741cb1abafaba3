// Freshness of real Druid: how long from a produce to Kafka until the message is visible to a
// Druid SQL query through the Router, at the demo's rate (its topics together produce about
// 15 messages/s; this runs at 20/s) and at 200/s. Target: p95 under 2 s.
// One new topic and supervisor (useEarliestOffset) for both rates; the supervisor's start-up (its
// task starting, the Broker learning the new table) is waited for first and printed on its own.
// Prints figures; asserts nothing. Needs a running stack (bench/real-stack.ts):
//   DURATION_MS=20000 node --import tsx bench/freshness.bench.ts
import type { Producer } from 'kafkajs';
import { druidSql, pollUntil } from '@/testing/real-stack';
import { stackKafka } from '@/testing/app';
import {
  benchName,
  createTopicWithMessages,
  describeStack,
  kafkaSupervisorSpec,
  ms,
  percentile,
  rowCount,
  runBench,
  runningStack,
  seconds,
  submitToOverlord,
  type BenchStack,
} from './real-stack';

const DURATION_MS = Number(process.env.DURATION_MS ?? 20_000);
const RATES_PER_S = [20, 200];
const PARTITIONS = 3;
const POLL_MS = 50;
/** How long after the last produce a message may still turn up before it counts as unseen. */
const SETTLE_MS = 30_000;
const STARTUP_TIMEOUT_MS = 300_000;
const TARGET_P95_MS = 2_000;

runBench(async () => {
  const stack = runningStack();
  const topic = benchName('freshness');
  await createTopicWithMessages(topic, PARTITIONS, 0, () => ({ value: null }));
  const producer = stackKafka().producer();
  await producer.connect();
  try {
    console.log(`Freshness benchmark: produce -> queryable in Druid SQL through the Router, ${seconds(DURATION_MS)} at each of ${RATES_PER_S.join(' and ')} msg/s, topic and datasource ${topic}`);
    console.log(describeStack(stack));
    console.log(`SQL is polled every ${POLL_MS} ms after each answer: a latency is exact to within one poll and one query`);

    const submittedAt = Date.now();
    await submitToOverlord(
      stack,
      kafkaSupervisorSpec({ datasource: topic, topic, bootstrapServers: stack.kafka.bootstrapServers, timestampSpec: { column: 'time', format: 'millis' }, dimensions: [{ type: 'long', name: 'seq' }] }),
    );
    await producer.send({ topic, messages: [{ partition: 0, value: JSON.stringify({ time: Date.now(), seq: 0 }) }] });
    await pollUntil('the supervisor\'s first row', () => rowCount(stack, topic), (count) => count > 0, STARTUP_TIMEOUT_MS, 250);
    console.log(`waited for the supervisor's first row before measuring: start-up (submit -> first row queryable) ${seconds(Date.now() - submittedAt)}`);

    let nextSeq = 1;
    for (const rate of RATES_PER_S) {
      const result = await measure(stack, producer, topic, rate, nextSeq);
      nextSeq += result.produced;
      const { latencies } = result;
      const unseen = result.produced - latencies.length;
      const p95 = percentile(latencies, 0.95);
      console.log(
        `produce -> queryable at ${rate} msg/s over ${seconds(DURATION_MS)} (${result.produced} messages${unseen > 0 ? `, ${unseen} not seen within ${seconds(SETTLE_MS)}` : ''}): ` +
          `p50 ${ms(percentile(latencies, 0.5))}, p95 ${ms(p95)}, max ${ms(Math.max(...latencies))}   target p95 < ${ms(TARGET_P95_MS)}: ${unseen === 0 && p95 < TARGET_P95_MS ? 'met' : 'MISSED'}`,
      );
    }
  } finally {
    await producer.disconnect();
  }
});

/** Produces seq firstSeq, firstSeq+1, ... at `rate` while polling SQL for the seqs not yet seen. */
async function measure(stack: BenchStack, producer: Producer, topic: string, rate: number, firstSeq: number): Promise<{ produced: number; latencies: number[] }> {
  const producedAt = new Map<number, number>();
  const visibleAt = new Map<number, number>();
  let visibleUpTo = firstSeq - 1;
  let lastSeq = Number.POSITIVE_INFINITY;
  let settleDeadline = Number.POSITIVE_INFINITY;
  const poller = (async () => {
    while (visibleUpTo < lastSeq && Date.now() < settleDeadline) {
      const rows = await druidSql<{ seq: number }>(stack.druidUrl, `SELECT seq FROM "${topic}" WHERE seq > ${visibleUpTo}`).catch(() => []);
      const now = Date.now();
      for (const { seq } of rows) if (!visibleAt.has(seq)) visibleAt.set(seq, now);
      while (visibleAt.has(visibleUpTo + 1)) visibleUpTo++;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();

  // Sends are not awaited one by one, so a slow acknowledgement does not slow the rate; a
  // message's latency runs from its send to the first poll answer that holds it.
  const sends: Promise<unknown>[] = [];
  const intervalMs = 1000 / rate;
  const start = Date.now();
  let seq = firstSeq;
  for (; Date.now() - start < DURATION_MS; seq++) {
    const due = start + (seq - firstSeq) * intervalMs;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    const at = Date.now();
    producedAt.set(seq, at);
    sends.push(producer.send({ topic, messages: [{ partition: seq % PARTITIONS, value: JSON.stringify({ time: at, seq }) }] }));
  }
  await Promise.all(sends);
  lastSeq = seq - 1;
  settleDeadline = Date.now() + SETTLE_MS;
  await poller;

  const latencies = [...producedAt].flatMap(([s, at]) => (visibleAt.has(s) ? [visibleAt.get(s)! - at] : []));
  return { produced: producedAt.size, latencies };
}
