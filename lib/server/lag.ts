// Lag as Kafka sees it, for any number of supervisors at once: one metadata read, one ListOffsets per
// leader for every partition of every topic, and one round of small Fetches per leader for the oldest
// unread messages. Each supervisor's earlier measurements are kept to give rates and a time to drain.
import 'server-only';
import type { SupervisorStatusPayload } from '@/lib/druid';
import { describeCause, LATEST, type KafkaClient, type PartitionLeader } from '@/lib/kafka/client';
import { KafkaError } from '@/lib/kafka/errors';
import { messageAtOffsetKey, messagesAtOffsets, type MessageAtOffsetRequest } from '@/lib/kafka/message-at-offset';
import { appKafka } from '@/lib/kafka/server';
import { druidPositions, lagReport, planLag, readsSeveralTopics, type KafkaEndOffsets, type LagMeasurement, type UnreadMessage } from '@/lib/operate/lag';
import type { LagReport } from '@/lib/operate';
import { druid } from './druid';
import { STATUS_TIMEOUT_MS } from './operate';
import { processWide, sharedReads, whileWatched } from './shared-read';

export interface LagEntry {
  readonly id: string;
  readonly status: SupervisorStatusPayload;
}

/** Rates compare with a measurement at least this much older, so one Druid poll or producer batch does not make a trend. */
const RATE_WINDOW_MS = 30_000;
/** Measurements closer together than this add nothing to rates: the newer one is not kept. */
const MEASUREMENT_SPACING_MS = 10_000;
/** Measurements are kept this long; a supervisor not measured for as long is forgotten. */
const MEASUREMENT_HISTORY_MS = 2 * 60_000;

interface LagState {
  readonly measurements: Map<string, LagMeasurement[]>;
}

// Next bundles each route separately, so module-level state would be one copy per route; the
// process-wide registry gives the lag route and the collector one history of measurements.
const STATE_KEY = Symbol.for('tributary.lag');
const state: LagState = ((globalThis as Record<symbol, LagState | undefined>)[STATE_KEY] ??= { measurements: new Map() });

interface TopicPartitions {
  readonly leaders: Map<number, number | null>;
  readonly ends: Map<number, { latest?: string; error?: string }>;
}

/** Each topic's partitions with their leader and end offset; a problem instead when Kafka could not list them. */
async function readTopics(client: KafkaClient, topics: readonly string[]): Promise<{ topics: Map<string, TopicPartitions>; problem?: string }> {
  const found = new Map<string, TopicPartitions>();
  if (topics.length === 0) return { topics: found };
  let metadata;
  try {
    metadata = await client.metadata();
  } catch (error) {
    const why = error instanceof KafkaError ? error.message : describeCause(error);
    return { topics: found, problem: `Kafka (${client.brokers.join(', ')}) could not be read: ${why}` };
  }
  const partitions: PartitionLeader[] = [];
  for (const topic of topics) {
    const listed = metadata.topicMetadata.find((t) => t.topic === topic);
    if (!listed) continue;
    const leaders = new Map<number, number | null>();
    for (const p of listed.partitionMetadata) {
      const leader = p.leader !== null && p.leader >= 0 ? p.leader : null;
      leaders.set(p.partitionId, leader);
      partitions.push({ topic, partition: p.partitionId, leader });
    }
    found.set(topic, { leaders, ends: new Map() });
  }
  const answers = await client.listOffsets(partitions, LATEST);
  partitions.forEach((p, i) => found.get(p.topic)!.ends.set(p.partition, { latest: answers[i].offset, error: answers[i].error }));
  return { topics: found };
}

function endOffsetsFor(topic: string | null, kafka: { topics: Map<string, TopicPartitions>; problem?: string }): KafkaEndOffsets {
  if (kafka.problem) return { partitions: new Map(), problem: `${kafka.problem}.` };
  if (topic === null) return { partitions: new Map(), problem: "Druid's status names no topic for this supervisor." };
  const partitions = kafka.topics.get(topic);
  if (!partitions) return { partitions: new Map(), problem: `Kafka has no topic "${topic}".` };
  return { partitions: partitions.ends };
}

/** The newest measurement at least RATE_WINDOW_MS before `at`, else the oldest before it. */
function previousMeasurement(history: readonly LagMeasurement[], at: number): LagMeasurement | undefined {
  const older = history.filter((m) => m.at < at);
  return older.findLast((m) => m.at <= at - RATE_WINDOW_MS) ?? older[0];
}

function remember(id: string, measurement: LagMeasurement): void {
  const history = state.measurements.get(id) ?? [];
  const last = history.at(-1);
  if (last && measurement.at - last.at < MEASUREMENT_SPACING_MS) return;
  state.measurements.set(id, [...history.filter((m) => m.at >= measurement.at - MEASUREMENT_HISTORY_MS), measurement]);
}

function forgetIdle(now: number): void {
  for (const [id, history] of state.measurements) if ((history.at(-1)?.at ?? 0) < now - MEASUREMENT_HISTORY_MS) state.measurements.delete(id);
}

/**
 * Lag from Kafka for each supervisor, keyed by id. Kafka is asked once for all of them; when it
 * fails, lag is still given where Druid's own end offsets allow, and each report says what was missing.
 */
export async function readLags(entries: readonly LagEntry[], now = Date.now(), client: KafkaClient = appKafka()): Promise<Map<string, LagReport>> {
  const topics = [...new Set(entries.flatMap((e) => (e.status.stream && !readsSeveralTopics(e.status) ? [e.status.stream] : [])))];
  const kafka = await readTopics(client, topics);
  const planned = entries.map((entry) => {
    const topic = entry.status.stream ?? null;
    const positions = druidPositions(entry.status, now);
    const ends: KafkaEndOffsets = positions.severalTopics ? { partitions: new Map() } : endOffsetsFor(topic, kafka);
    return { entry, topic, positions, ends, plans: planLag(positions, ends) };
  });

  const requests: MessageAtOffsetRequest[] = [];
  for (const { topic, ends, plans } of planned) {
    if (topic === null || ends.problem) continue;
    const leaders = kafka.topics.get(topic)?.leaders;
    if (!leaders) continue;
    for (const plan of plans) {
      if (plan.current === null || plan.end === null || plan.current >= plan.end || !leaders.has(plan.partition)) continue;
      requests.push({ topic, partition: plan.partition, leader: leaders.get(plan.partition)!, offset: String(plan.current), end: String(plan.end) });
    }
  }
  const messages = requests.length ? await messagesAtOffsets(client, requests) : new Map();

  forgetIdle(now);
  const reports = new Map<string, LagReport>();
  for (const { entry, topic, positions, ends, plans } of planned) {
    const unread = new Map<number, UnreadMessage>();
    for (const plan of plans) {
      const message = topic !== null && plan.current !== null ? messages.get(messageAtOffsetKey(topic, plan.partition, String(plan.current))) : undefined;
      if (message) unread.set(plan.partition, message);
    }
    const previous = previousMeasurement(state.measurements.get(entry.id) ?? [], positions.measuredAt);
    const { report, measurement } = lagReport({ supervisorId: entry.id, topic, positions, kafka: ends, unread, previous });
    remember(entry.id, measurement);
    reports.set(entry.id, report);
  }
  return reports;
}

/** While any status page shows a supervisor's lag, Druid and Kafka are read for it once per period, for every viewer. */
const SHARED_LAG_MS = 5_000;
const lags = processWide('supervisor-lags', () => sharedReads<LagReport>(SHARED_LAG_MS));

/** The next read of this supervisor's lag goes to Druid and Kafka (after an action on it). */
export function forgetSupervisorLag(id: string): void {
  lags.forget(id);
}

/** One supervisor's lag from Kafka; an unknown id is Druid's 404. */
export function supervisorLag(id: string, signal?: AbortSignal): Promise<LagReport> {
  // The shared read is bounded by its own timeouts; one viewer leaving does not abort it for the others.
  const shared = lags.get(id, () => readSupervisorLag(id));
  return whileWatched(shared, signal);
}

async function readSupervisorLag(id: string): Promise<LagReport> {
  const status = await druid().supervisors.status(id, { timeoutMs: STATUS_TIMEOUT_MS });
  return (await readLags([{ id, status: status.payload }])).get(id)!;
}
