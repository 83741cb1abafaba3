// Keeps the catalogue's topics alive: first some hours of history, produced in large
// batches so startup takes seconds, then records in real time at each topic's rate.
import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel, Partitioners, type logCreator } from 'kafkajs';
import { selectStreamTopics } from './catalogue';
import { topicStream, type TopicStream } from './topic-stream';
import type { StreamMessage, StreamTopic } from './types';

export const DEFAULT_HISTORY_HOURS = 3;
/** Records per topic in one produce call while writing the history. */
const HISTORY_BATCH_SIZE = 2_000;
const LIVE_TICK_MS = 500;
/** Records kept per topic for a retry while Kafka refuses them; older ones are dropped. */
const MAX_PENDING_PER_TOPIC = 5_000;
const MS_PER_HOUR = 3_600_000;
/** How long stop() lets a produce call that kafkajs is still retrying finish. */
const STOP_GRACE_MS = 2_000;
/** How often one distinct kafkajs error is printed at most. */
const REPEATED_ERROR_WINDOW_MS = 30_000;

export interface StartStreamsOptions {
  /** host:port[,host:port...] */
  bootstrapServers: string;
  historyHours?: number;
  rateScale?: number;
  /** Topic names from the catalogue; all topics when empty. */
  only?: readonly string[];
  /**
   * Writes each catalogue topic to `<topicPrefix><name>` instead, with the same records: tests
   * run a generator into a topic of their own while the stack's topics stay live.
   */
  topicPrefix?: string;
  seed?: number | string;
  log?: (line: string) => void;
}

export interface StreamsHandle {
  /** The topics written, named as in Kafka (with the prefix). */
  readonly topics: readonly StreamTopic[];
  /** Resolves once every topic's history is in Kafka; rejects if it cannot be written. */
  readonly historyDone: Promise<void>;
  /** Records acknowledged by Kafka so far, per topic. */
  produced(): Record<string, number>;
  stop(): Promise<void>;
}

export function startStreams(options: StartStreamsOptions): StreamsHandle {
  const historyHours = options.historyHours ?? DEFAULT_HISTORY_HOURS;
  if (!(historyHours >= 0)) throw new Error(`historyHours must be zero or more, got ${historyHours}`);
  const catalogue = selectStreamTopics(options.only);
  const prefix = options.topicPrefix ?? '';
  const kafkaName = (topic: StreamTopic) => prefix + topic.name;
  // Seeds come from the catalogue name, so a prefixed topic gets the catalogue topic's records.
  const topics = catalogue.map((topic) => ({ ...topic, name: kafkaName(topic) }));
  const log = options.log ?? ((line: string) => process.stderr.write(`[streams] ${line}\n`));
  const kafka = new Kafka({
    clientId: 'tributary-streams',
    brokers: options.bootstrapServers.split(','),
    logLevel: logLevel.ERROR,
    logCreator: quietKafkaLog(log),
  });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });

  const produced: Record<string, number> = Object.fromEntries(topics.map((topic) => [topic.name, 0]));
  const pending = new Map<string, StreamMessage[]>(topics.map((topic) => [topic.name, []]));
  let streams: TopicStream[] = [];
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  let liveTimer: NodeJS.Timeout | undefined;

  const send = async (batch: Map<string, StreamMessage[]>) => {
    const topicMessages = [...batch]
      .filter(([, messages]) => messages.length > 0)
      .map(([topic, messages]) => ({
        topic,
        messages: messages.map(({ key, value, headers, partition, timestamp }) => ({ key: key ?? null, value, headers, partition, timestamp: String(timestamp) })),
      }));
    if (topicMessages.length === 0) return;
    await producer.sendBatch({ topicMessages, acks: -1 });
    for (const [topic, messages] of batch) produced[topic] += messages.length;
  };

  const liveTick = () => {
    if (stopped) return;
    const now = Date.now();
    for (const stream of streams) {
      const queue = pending.get(kafkaName(stream.topic))!;
      queue.push(...stream.takeUntil(now));
      if (queue.length > MAX_PENDING_PER_TOPIC) queue.splice(0, queue.length - MAX_PENDING_PER_TOPIC);
    }
    const batch = new Map([...pending].map(([topic, queue]) => [topic, queue.splice(0)]));
    inFlight = send(batch).catch((error: Error) => {
      // Keep the records for the next tick: a broker taken down by a test comes back.
      for (const [topic, messages] of batch) pending.get(topic)!.unshift(...messages);
      log(`could not produce, will retry: ${error.message}`);
    });
    void inFlight.then(() => {
      if (!stopped) liveTimer = setTimeout(liveTick, LIVE_TICK_MS).unref();
    });
  };

  const historyDone = (async () => {
    await producer.connect();
    await ensureStreamTopics(kafka, topics);
    const endMs = Date.now();
    const startMs = endMs - historyHours * MS_PER_HOUR;
    streams = catalogue.map((topic) => topicStream(topic, { startMs, rateScale: options.rateScale, seed: options.seed }));
    const history = new Map(streams.map((stream) => [kafkaName(stream.topic), stream.takeUntil(endMs)]));
    const longest = Math.max(0, ...[...history.values()].map((messages) => messages.length));
    for (let from = 0; from < longest && !stopped; from += HISTORY_BATCH_SIZE) {
      const chunk = new Map([...history].map(([topic, messages]) => [topic, messages.slice(from, from + HISTORY_BATCH_SIZE)]));
      inFlight = send(chunk);
      await inFlight;
    }
    if (stopped) throw new Error('streams were stopped before the history was written');
    liveTimer = setTimeout(liveTick, LIVE_TICK_MS).unref();
  })();
  // Callers that never await historyDone must not see an unhandled rejection.
  historyDone.catch(() => undefined);

  return {
    topics,
    historyDone,
    produced: () => ({ ...produced }),
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(liveTimer);
      // While a broker is down kafkajs keeps retrying for long; stopping should not wait for it.
      await Promise.race([inFlight.catch(() => undefined), delay(STOP_GRACE_MS, undefined, { ref: false })]);
      await producer.disconnect();
    },
  };
}

/**
 * Creates the catalogue's topics that the cluster lacks, with their partition counts, and
 * refuses a topic that exists with another count: its messages would not land as planned.
 */
export async function ensureStreamTopics(kafka: Kafka, topics: readonly StreamTopic[], replicationFactor = 1): Promise<{ created: string[] }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic: topic.name, numPartitions: topic.partitions, replicationFactor })),
      });
    }
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics: topics.map((topic) => topic.name) });
    const partitionsByName = new Map(metadata.map((topic) => [topic.name, topic.partitions.length]));
    const problems = topics
      .filter((topic) => partitionsByName.get(topic.name) !== topic.partitions)
      .map((topic) => `topic ${topic.name} has ${partitionsByName.get(topic.name)} partitions, the stream generators need ${topic.partitions}`);
    if (problems.length > 0) throw new Error(`${problems.join('; ')}. Delete the topic or point the generators at another cluster.`);
    return { created: missing.map((topic) => topic.name) };
  } finally {
    await admin.disconnect();
  }
}

/**
 * kafkajs logs every retry of a lost connection. While a test holds a broker down that would
 * bury real output, so only errors are printed, each distinct one at most once per window.
 */
function quietKafkaLog(write: (line: string) => void): logCreator {
  const lastPrinted = new Map<string, number>();
  return () =>
    ({ level, log }) => {
      if (level > logLevel.ERROR) return;
      const text = `${log.message}${log.broker ? ` (broker ${log.broker})` : ''}`;
      const now = Date.now();
      if (now - (lastPrinted.get(text) ?? -Infinity) < REPEATED_ERROR_WINDOW_MS) return;
      lastPrinted.set(text, now);
      write(`kafka: ${text}`);
    };
}
