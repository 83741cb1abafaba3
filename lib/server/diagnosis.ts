// Evidence for why nothing lands, gathered for one supervisor: Druid's status and spec, the reports
// and logs of its tasks, Kafka's offsets, and a small read-only sample of the topic read through the
// spec. Each part has its own deadline and a part that fails is named in `problems`; lib/operate's
// diagnose() turns what was found into findings. One read per supervisor serves every viewer.
import 'server-only';
import type { SupervisorStatusPayload, TaskStatusPlus } from '@/lib/druid';
import { createRecordParser, type KafkaRecordInput } from '@/lib/ingest';
import { describeCause, EARLIEST, LATEST, withDeadline, type KafkaClient } from '@/lib/kafka/client';
import { toKafkaError } from '@/lib/kafka/errors';
import { planSample } from '@/lib/kafka/sample-plan';
import { runSample } from '@/lib/kafka/sampler';
import type { SampleRecord } from '@/lib/kafka/schemas';
import { appKafka } from '@/lib/kafka/server';
import { diagnose, type DiagnosisSpec, type KafkaFacts, type ParseExceptionEvidence, type RowTotals, type SampledRow } from '@/lib/operate/diagnosis';
import { addTotals, firstLogError, reportParseExceptions, reportTotals } from '@/lib/operate/diagnosis-evidence';
import type { Diagnosis, FailedTask } from '@/lib/operate/diagnosis-schema';
import { probePlanOf } from '@/lib/operate/freshness';
import { druidPositions } from '@/lib/operate/lag';
import { importStoredSpec, type SupervisorSpec } from '@/lib/spec';
import { druid } from './druid';
import { describeFailure, mapBounded, STATUS_TIMEOUT_MS } from './operate';
import { processWide, sharedReads, whileWatched } from './shared-read';

/** Diagnosis is heavier than status: while anyone watches, it is gathered once per this period. */
const SHARED_DIAGNOSIS_MS = 20_000;
const KAFKA_TIMEOUT_MS = 4_000;
const SAMPLE_TIMEOUT_MS = 4_000;
const SAMPLE_LIMIT = 200;
const SAMPLE_MAX_BYTES = 2 * 1024 * 1024;
const TASK_TIMEOUT_MS = 4_000;
/** Recent tasks listed for the datasource; failed ones of the last FAILED_WITHIN_MS are shown. */
const MAX_TASKS = 30;
const FAILED_WITHIN_MS = 60 * 60_000;
const MAX_FAILED_TASKS = 3;
/** Complete tasks whose reports count, beside the running ones: their rows were read recently too. */
const RECENT_COMPLETE_REPORTS = 2;
const REPORT_CONCURRENCY = 3;
const MAX_PARSE_EXCEPTIONS = 10;
/** The end of a task's log that is searched for its first error: a failing task's exception is near its end. */
const LOG_TAIL_BYTES = 128 * 1024;

const diagnoses = processWide('supervisor-diagnoses', () => sharedReads<Diagnosis>(SHARED_DIAGNOSIS_MS));

/** Why nothing lands for one supervisor; an unknown id is Druid's 404. */
export function supervisorDiagnosis(id: string, signal?: AbortSignal): Promise<Diagnosis> {
  const shared = diagnoses.get(id, () => readDiagnosis(id));
  return whileWatched(shared, signal);
}

/** The next diagnosis of this supervisor is gathered anew (after an action on it). */
export function forgetSupervisorDiagnosis(id: string): void {
  diagnoses.forget(id);
}

async function readDiagnosis(id: string): Promise<Diagnosis> {
  const client = druid();
  const status = (await client.supervisors.status(id, { timeoutMs: STATUS_TIMEOUT_MS })).payload;
  const now = Date.now();
  const problems: string[] = [];
  const [specAnswer, taskList] = await Promise.allSettled([
    client.supervisors.spec(id, { timeoutMs: STATUS_TIMEOUT_MS }),
    client.tasks.list({ datasource: status.dataSource, type: 'index_kafka', max: MAX_TASKS }, { timeoutMs: TASK_TIMEOUT_MS }),
  ]);
  let spec: SupervisorSpec | undefined;
  if (specAnswer.status === 'rejected') problems.push(`The spec could not be read: ${describeFailure(specAnswer.reason)}`);
  else {
    spec = importStoredSpec(specAnswer.value).spec;
    if (!spec) problems.push('The spec is not a Kafka supervisor spec Tributary can read.');
  }
  if (taskList.status === 'rejected') problems.push(`The task list could not be read: ${describeFailure(taskList.reason)}`);
  const tasks = taskList.status === 'fulfilled' ? taskList.value : [];
  const topic = spec?.spec.ioConfig.topic ?? status.stream ?? null;

  const kafka = appKafka();
  const [kafkaFacts, reports, failedTasks, sample] = await Promise.all([
    topic ? readKafkaFacts(kafka, topic) : Promise.resolve(null),
    readReports(status, tasks, problems),
    readFailedTasks(tasks, now),
    spec && topic ? readSample(kafka, spec, topic) : Promise.resolve({ rows: null, problem: undefined }),
  ]);
  // A missing topic or an unreachable Kafka is said once, by the Kafka-side checks.
  if (sample.problem && !kafkaFacts?.problem) problems.push(sample.problem);
  if (!topic) problems.push('The supervisor reads a topic pattern: Kafka-side checks follow a single topic.');
  const druidCannot = status.detailedState === 'UNABLE_TO_CONNECT_TO_STREAM';
  if (kafkaFacts?.problem && kafkaFacts.problem.kind !== 'topic_missing' && !(kafkaFacts.problem.kind === 'auth' && druidCannot)) problems.push(kafkaFacts.problem.message);

  return diagnose({
    supervisorId: id,
    now,
    detailedState: status.detailedState,
    suspended: status.suspended,
    recentErrors: status.recentErrors ?? [],
    spec: spec ? diagnosisSpec(spec) : null,
    kafka: kafkaFacts,
    storedOffsets: druidPositions(status, now).current,
    rowTotals: reports.totals,
    parseExceptions: reports.parseExceptions,
    sample: sample.rows,
    failedTasks,
    problems,
  });
}

function diagnosisSpec(spec: SupervisorSpec): DiagnosisSpec {
  const { ioConfig, dataSchema, tuningConfig } = spec.spec;
  const filter = dataSchema.transformSpec?.filter;
  return {
    topic: ioConfig.topic ?? null,
    taskCount: ioConfig.taskCount ?? 1,
    lateMessageRejectionPeriod: ioConfig.lateMessageRejectionPeriod ?? null,
    earlyMessageRejectionPeriod: ioConfig.earlyMessageRejectionPeriod ?? null,
    lateMessageRejectionStartDateTime: ioConfig.lateMessageRejectionStartDateTime ?? null,
    filter: filter ? JSON.stringify(filter) : null,
    useEarliestOffset: ioConfig.useEarliestOffset === true,
    resetOffsetAutomatically: tuningConfig?.resetOffsetAutomatically === true,
    maxSavedParseExceptions: tuningConfig?.maxSavedParseExceptions ?? 0,
  };
}

async function readKafkaFacts(kafka: KafkaClient, topic: string): Promise<KafkaFacts> {
  const doing = `reading the offsets of "${topic}"`;
  try {
    const metadata = await withDeadline(kafka.metadata({ fresh: true }), KAFKA_TIMEOUT_MS, 'Metadata request timed out', 'KafkaJSRequestTimeoutError');
    const listed = metadata.topicMetadata.find((t) => t.topic === topic);
    if (!listed) return { problem: { kind: 'topic_missing', message: `Kafka (${kafka.brokers.join(', ')}) has no topic "${topic}".` }, partitions: [] };
    const leaders = listed.partitionMetadata.map((p) => ({ topic, partition: p.partitionId, leader: p.leader !== null && p.leader >= 0 ? p.leader : null }));
    const [earliest, latest] = await withDeadline(
      Promise.all([kafka.listOffsets(leaders, EARLIEST), kafka.listOffsets(leaders, LATEST)]),
      KAFKA_TIMEOUT_MS,
      'ListOffsets request timed out',
      'KafkaJSRequestTimeoutError',
    );
    const partitions = leaders.flatMap((p, i) =>
      earliest[i].offset !== undefined && latest[i].offset !== undefined ? [{ partition: p.partition, earliest: BigInt(earliest[i].offset!), latest: BigInt(latest[i].offset!) }] : [],
    );
    return { problem: null, partitions: partitions.sort((a, b) => a.partition - b.partition) };
  } catch (error) {
    const failure = toKafkaError(error, kafka.brokers, doing);
    const kind = failure.code === 'kafka_auth' ? 'auth' : failure.code === 'kafka_unreachable' || failure.code === 'kafka_timeout' ? 'unreachable' : 'other';
    return { problem: { kind, message: `Kafka-side checks were skipped: ${failure.message}` }, partitions: [] };
  }
}

/** Row counts and parse exceptions from the reports of the running tasks and the latest complete ones. */
async function readReports(status: SupervisorStatusPayload, tasks: readonly TaskStatusPlus[], problems: string[]): Promise<{ totals: RowTotals | null; parseExceptions: ParseExceptionEvidence[] }> {
  const running = [...(status.activeTasks ?? []), ...(status.publishingTasks ?? [])].map((t) => t.id);
  const complete = tasks.filter((t) => t.statusCode === 'SUCCESS' || t.statusCode === 'FAILED').map((t) => t.id);
  const ids = [...new Set([...running, ...complete.slice(0, RECENT_COMPLETE_REPORTS)])];
  const answers = await mapBounded(ids, REPORT_CONCURRENCY, async (taskId) => {
    try {
      return await druid().tasks.reports(taskId, { timeoutMs: TASK_TIMEOUT_MS });
    } catch (error) {
      return describeFailure(error);
    }
  });
  let totals: RowTotals | null = null;
  const parseExceptions: ParseExceptionEvidence[] = [];
  answers.forEach((answer, i) => {
    if (typeof answer === 'string') {
      // A task that just started or ended may have no report yet; only running tasks' misses count.
      if (i < running.length) problems.push(`The report of task ${ids[i]} could not be read: ${answer}`);
      return;
    }
    const rows = reportTotals(answer);
    if (rows) totals = addTotals(totals, rows);
    parseExceptions.push(...reportParseExceptions(answer));
  });
  return { totals, parseExceptions: parseExceptions.slice(0, MAX_PARSE_EXCEPTIONS) };
}

/** The supervisor's tasks that failed within the last hour, newest first, with the first error line of each log. */
async function readFailedTasks(tasks: readonly TaskStatusPlus[], now: number): Promise<FailedTask[]> {
  const failed = tasks
    .filter((t) => t.statusCode === 'FAILED' && (!t.createdTime || now - Date.parse(t.createdTime) <= FAILED_WITHIN_MS))
    .sort((a, b) => (b.createdTime ?? '').localeCompare(a.createdTime ?? ''))
    .slice(0, MAX_FAILED_TASKS);
  return mapBounded(failed, MAX_FAILED_TASKS, async (task) => {
    const base = { taskId: task.id, createdTime: task.createdTime ?? null, errorMsg: task.errorMsg ?? null };
    try {
      const log = await druid().tasks.log(task.id, { offset: -LOG_TAIL_BYTES, timeoutMs: TASK_TIMEOUT_MS });
      if (log.trim() === '') return { ...base, logLine: null, logNote: "The task's log is empty: tasks run as threads of an Indexer keep no log of their own, so Druid's error message is shown." };
      const line = firstLogError(log);
      return { ...base, logLine: line, logNote: line ? null : 'The end of the task log has no ERROR line.' };
    } catch (error) {
      return { ...base, logLine: null, logNote: `The task log could not be read: ${describeFailure(error)}` };
    }
  });
}

function recordInput(record: SampleRecord): KafkaRecordInput {
  const bytes = (text: string | null, encoding: 'utf8' | 'base64') => (text === null ? null : encoding === 'base64' ? new Uint8Array(Buffer.from(text, 'base64')) : text);
  return {
    value: bytes(record.value, record.valueEncoding),
    key: bytes(record.key, record.keyEncoding),
    timestamp: record.timestamp ?? Date.now(),
    headers: Object.fromEntries(record.headers.flatMap((h) => (h.value === null ? [] : [[h.key, h.encoding === 'base64' ? new Uint8Array(Buffer.from(h.value, 'base64')) : h.value]]))),
    partition: record.partition ?? undefined,
    offset: record.offset ?? undefined,
  };
}

/** The newest messages of the topic, read without a consumer group, as the spec turns each into a row. */
async function readSample(kafka: KafkaClient, spec: SupervisorSpec, topic: string): Promise<{ rows: SampledRow[] | null; problem?: string }> {
  const plan = probePlanOf(spec);
  if ('skip' in plan) return { rows: null, problem: `The topic was not sampled: ${plan.skip}.` };
  let parse;
  try {
    // Druid rejects late and early rows by their own event time, before queryGranularity truncates it.
    parse = createRecordParser({ ...plan.ingest, granularitySpec: { ...plan.ingest.granularitySpec, queryGranularity: 'none' } });
  } catch (error) {
    return { rows: null, problem: `The topic was not sampled: the spec uses what Tributary cannot apply (${(error as Error).message}).` };
  }
  const records: SampleRecord[] = [];
  try {
    const sample = await planSample(kafka, topic, { from: 'latest', limit: SAMPLE_LIMIT, maxBytes: SAMPLE_MAX_BYTES, timeoutMs: SAMPLE_TIMEOUT_MS });
    for await (const event of runSample(kafka, sample, AbortSignal.timeout(SAMPLE_TIMEOUT_MS + 1_000))) {
      if (event.type === 'records') records.push(...event.records);
    }
  } catch (error) {
    return { rows: null, problem: `The topic could not be sampled: ${describeCause(error)}` };
  }
  const rows = records
    .filter((r) => !r.valueTruncated && r.partition !== null && r.offset !== null)
    .flatMap((record) =>
      parse(recordInput(record)).map((result): SampledRow => {
        const at = { partition: record.partition!, offset: record.offset!, value: record.valueEncoding === 'utf8' ? record.value : `(binary) ${record.value}` };
        if (result.kind === 'row') return { ...at, outcome: 'row', eventTime: result.row.__time };
        return { ...at, outcome: result.kind === 'unparseable' ? 'unparseable' : 'filtered', reason: result.reason };
      }),
    );
  return { rows };
}
