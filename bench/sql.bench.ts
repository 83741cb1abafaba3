// A 100,000-row Druid SQL result through the app's /api/query/sql (as the query page asks for it,
// NDJSON events of row batches) against the same query straight to the Broker in the form the app
// asks the Broker for (arrayLines with the header rows), median of 3 each, alternating.
// The datasource: a new topic of 100,000 small messages and a supervisor, waited for until every
// row is queryable. No target is set.
// Prints figures; asserts nothing. Needs a running stack (bench/real-stack.ts):
//   node --import tsx bench/sql.bench.ts
import { pollUntil } from '@/testing/real-stack';
import { MAX_ROW_LIMIT } from '@/lib/query/schemas';
import {
  benchName,
  createTopicWithMessages,
  describeStack,
  kafkaSupervisorSpec,
  median,
  ms,
  rowCount,
  runBench,
  runningStack,
  seconds,
  submitToOverlord,
  type BenchStack,
} from './real-stack';

const ROWS = 100_000;
const RUNS = 3;
const PARTITIONS = 4;
const INGEST_TIMEOUT_MS = 300_000;
const QUERY_TIMEOUT_MS = 120_000;
/** The header rows the app asks for (lib/druid/api/sql-stream.ts): names, types, SQL types. */
const BROKER_HEADER_ROWS = 3;

interface Timing {
  readonly totalMs: number;
  readonly firstRowsMs: number;
  readonly bytes: number;
}

runBench(async () => {
  const stack = runningStack();
  const topic = benchName('sql');
  const rowLimit = Math.min(ROWS, MAX_ROW_LIMIT);
  console.log(`SQL benchmark: a ${ROWS.toLocaleString('en-US')}-row result through the app and straight from the Broker, median of ${RUNS} each; datasource ${topic}`);
  console.log(describeStack(stack));
  console.log(`the app's row cap: ${MAX_ROW_LIMIT.toLocaleString('en-US')} rows at most (MAX_ROW_LIMIT, lib/query/schemas.ts); this asks for rowLimit ${rowLimit.toLocaleString('en-US')}`);
  if (MAX_ROW_LIMIT < ROWS) console.log(`note: the cap is below ${ROWS.toLocaleString('en-US')}: the app's result stops there, truncated`);

  const producedStarted = performance.now();
  const base = Date.now() - ROWS;
  await createTopicWithMessages(topic, PARTITIONS, ROWS, (i) => ({ value: JSON.stringify({ time: base + i, seq: i, user: `u${i % 1000}`, n: i % 97 }) }));
  console.log(`produced ${ROWS.toLocaleString('en-US')} messages in ${seconds(performance.now() - producedStarted)}`);
  const submittedAt = performance.now();
  await submitToOverlord(
    stack,
    kafkaSupervisorSpec({
      datasource: topic,
      topic,
      bootstrapServers: stack.kafka.bootstrapServers,
      timestampSpec: { column: 'time', format: 'millis' },
      dimensions: [{ type: 'long', name: 'seq' }, 'user', { type: 'long', name: 'n' }],
    }),
  );
  await pollUntil(`${ROWS} rows in ${topic}`, () => rowCount(stack, topic), (count) => count >= ROWS, INGEST_TIMEOUT_MS, 1_000);
  console.log(`all ${ROWS.toLocaleString('en-US')} rows queryable ${seconds(performance.now() - submittedAt)} after the submit`);

  const query = `SELECT __time, seq, "user", n FROM "${topic}" LIMIT ${ROWS}`;
  // One of each first, so neither side pays for the first read of the segments or a new connection.
  await timeApp(stack, query, rowLimit);
  await timeBroker(stack.real.druid.brokerUrl, query);
  const app: Timing[] = [];
  const broker: Timing[] = [];
  const router: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    app.push(await timeApp(stack, query, rowLimit));
    broker.push(await timeBroker(stack.real.druid.brokerUrl, query));
    router.push(await timeBroker(stack.druidUrl, query));
  }
  const appMs = median(app.map((t) => t.totalMs));
  const brokerMs = median(broker.map((t) => t.totalMs));
  console.log(
    `${rowLimit.toLocaleString('en-US')} rows   app ${ms(appMs)} (first rows ${ms(median(app.map((t) => t.firstRowsMs)))}, ${mb(app[0].bytes)} NDJSON)   ` +
      `Broker ${ms(brokerMs)} (first rows ${ms(median(broker.map((t) => t.firstRowsMs)))}, ${mb(broker[0].bytes)} arrayLines)   ratio ${(appMs / brokerMs).toFixed(2)}x   target: none set`,
  );
  // The app reaches the Broker through whatever DRUID_URL names; on the local stack, the Router.
  console.log(`the same query straight to the Router (the app's way to the Broker here): ${ms(median(router.map((t) => t.totalMs)))}`);
});

/** The query page's request: NDJSON events read to the end event. */
async function timeApp(stack: BenchStack, query: string, rowLimit: number): Promise<Timing> {
  const timing = await timeRead(`${stack.appUrl}/api/query/sql`, { query, rowLimit }, (chunk) => chunk.includes('"type":"rows"'));
  const last = JSON.parse(timing.text.trim().split('\n').at(-1)!) as { type: string; rowCount?: number; truncated?: boolean; error?: { message: string } };
  if (last.type !== 'end' || last.rowCount !== rowLimit) throw new Error(`the app's result ended with ${JSON.stringify(last).slice(0, 300)}, not ${rowLimit} rows`);
  return timing;
}

/** What the app itself sends the Broker (lib/druid/api/sql-stream.ts), to a Broker or a Router. */
async function timeBroker(druidUrl: string, query: string): Promise<Timing> {
  const body = { query, resultFormat: 'arrayLines', header: true, typesHeader: true, sqlTypesHeader: true, context: { timeout: QUERY_TIMEOUT_MS } };
  const timing = await timeRead(`${druidUrl}/druid/v2/sql`, body, (chunk) => chunk.split('\n').length > BROKER_HEADER_ROWS + 1);
  const rows = timing.text.split('\n').filter((line) => line.trim() !== '').length - BROKER_HEADER_ROWS;
  if (rows !== ROWS) throw new Error(`${druidUrl} sent ${rows} rows, not ${ROWS}`);
  return timing;
}

/** POSTs and reads the whole answer; `hasRows` tells when the text so far holds the first rows. */
async function timeRead(url: string, body: unknown, hasRows: (textSoFar: string) => boolean): Promise<Timing & { text: string }> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(QUERY_TIMEOUT_MS) });
  if (!response.ok || !response.body) throw new Error(`${url} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const decoder = new TextDecoder();
  let text = '';
  let firstRowsMs = Number.NaN;
  let bytes = 0;
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    text += decoder.decode(chunk.value, { stream: true });
    if (Number.isNaN(firstRowsMs) && hasRows(text)) firstRowsMs = performance.now() - started;
  }
  return { totalMs: performance.now() - started, firstRowsMs, bytes, text };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
