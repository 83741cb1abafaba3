// From the wizard's submit to rows in Druid: a new topic with 300 messages, its supervisor spec
// POSTed to the app's /api/supervisors as the review step sends it, then Druid SQL COUNT(*)
// through the Router until the first row and until all 300 are queryable.
// No target is set; the reference is a hand-started Druid 33 with an indexer on a machine of this
// kind, where 300 messages were queryable 17.7 s after the submit.
// Prints figures; asserts nothing. Needs a running stack (bench/real-stack.ts):
//   node --import tsx bench/submit.bench.ts
import { pollUntil } from '@/testing/real-stack';
import type { SubmitResult } from '@/lib/operate';
import { benchName, createTopicWithMessages, describeStack, kafkaSupervisorSpec, ms, onCleanupSupervisor, rowCount, runBench, runningStack, seconds } from './real-stack';

const MESSAGES = 300;
const PARTITIONS = 3;
const POLL_MS = 250;
const ROWS_TIMEOUT_MS = 300_000;
const REFERENCE_ALL_ROWS_MS = 17_700;

runBench(async () => {
  const stack = runningStack();
  const topic = benchName('submit');
  const base = Date.now() - MESSAGES * 1_000;
  await createTopicWithMessages(topic, PARTITIONS, MESSAGES, (i) => ({
    value: JSON.stringify({ time: new Date(base + i * 1_000).toISOString(), url: `/page/${i % 7}`, user: `u${i % 13}`, latencyMs: (i * 37) % 900 }),
  }));
  console.log(`Submit benchmark: a supervisor for ${MESSAGES} messages in ${PARTITIONS} partitions of ${topic}, submitted through the app`);
  console.log(describeStack(stack));

  const spec = kafkaSupervisorSpec({
    datasource: topic,
    topic,
    bootstrapServers: stack.kafka.bootstrapServers,
    timestampSpec: { column: 'time', format: 'iso' },
    dimensions: ['url', 'user', { type: 'long', name: 'latencyMs' }],
  });
  const started = performance.now();
  const response = await fetch(`${stack.appUrl}/api/supervisors?suspended=false`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(spec),
    signal: AbortSignal.timeout(60_000),
  });
  const answeredMs = performance.now() - started;
  const text = await response.text();
  if (!response.ok) throw new Error(`the app answered the submit with HTTP ${response.status}: ${text.slice(0, 500)}`);
  const submitted = JSON.parse(text) as SubmitResult;
  onCleanupSupervisor(stack, submitted.id, topic);

  await pollUntil('the first row', () => rowCount(stack, topic), (count) => count > 0, ROWS_TIMEOUT_MS, POLL_MS);
  const firstRowMs = performance.now() - started;
  await pollUntil(`all ${MESSAGES} rows`, () => rowCount(stack, topic), (count) => count >= MESSAGES, ROWS_TIMEOUT_MS, POLL_MS);
  const allRowsMs = performance.now() - started;

  console.log(`submit answered in ${ms(answeredMs)} (${submitted.outcome}${submitted.warnings.length > 0 ? `, ${submitted.warnings.length} warnings` : ''})`);
  console.log(`submit -> first row queryable ${seconds(firstRowMs)}; -> all ${MESSAGES} rows ${seconds(allRowsMs)}   target: none set (reference: all rows after ${seconds(REFERENCE_ALL_ROWS_MS)} on a hand-started Druid 33)`);
});
