// The topic catalogue: every topic with its partitions, offsets, message count, recent rate,
// newest message time, leaders and replicas. Shows what the cluster can tell and says what it cannot.
import 'server-only';
import type { RawMetadata } from 'kafkajs/src/cluster';
import { EARLIEST, LATEST, describeCause, type KafkaClient } from './client';
import { readCommittedOffsets, withLag } from './consumer-groups';
import { KafkaError } from './errors';
import { newestTimestamps } from './newest-timestamp';
import type { PartitionInfo, TopicDetail, TopicList, TopicSummary } from './schemas';
import { TOPIC_PAGE_CONFIGS, topicRetention } from './topic-configs';

const CATALOGUE_CACHE_MS = 1_000;
const DESCRIBE_CONFIGS_TIMEOUT_MS = 3_000;

type TopicMetadata = RawMetadata['topicMetadata'][number];

/** Kafka's own internal topics and the usual platform ones (Schema Registry, Connect, Confluent). */
export function isInternalTopic(topic: Pick<TopicMetadata, 'topic' | 'isInternal'>): boolean {
  return Boolean(topic.isInternal) || topic.topic.startsWith('__') || topic.topic === '_schemas' || topic.topic.startsWith('_confluent');
}

const cache = new WeakMap<KafkaClient, Map<boolean, { at: number; value: Promise<TopicList> }>>();

export function listTopics(client: KafkaClient, { includeInternal = false } = {}): Promise<TopicList> {
  const byFlag = cache.get(client) ?? new Map<boolean, { at: number; value: Promise<TopicList> }>();
  cache.set(client, byFlag);
  const hit = byFlag.get(includeInternal);
  if (hit && Date.now() - hit.at < CATALOGUE_CACHE_MS) return hit.value;
  const value = readTopics(client, includeInternal);
  byFlag.set(includeInternal, { at: Date.now(), value });
  value.catch(() => byFlag.delete(includeInternal));
  return value;
}

async function readTopics(client: KafkaClient, includeInternal: boolean): Promise<TopicList> {
  const metadata = await client.metadata();
  const all = metadata.topicMetadata.filter((t) => t.topicErrorCode === 0 || t.partitionMetadata.length > 0);
  const visible = all.filter((t) => includeInternal || !isInternalTopic(t));
  const topics = await summarise(client, visible);
  return {
    topics: topics.sort((a, b) => a.name.localeCompare(b.name)),
    hiddenInternal: all.length - visible.length,
    brokers: metadata.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })),
    observedAt: Date.now(),
  };
}

export async function describeTopic(client: KafkaClient, name: string, { signal }: { signal?: AbortSignal } = {}): Promise<TopicDetail> {
  const metadata = await client.metadata({ fresh: true });
  const topic = metadata.topicMetadata.find((t) => t.topic === name);
  if (!topic) throw topicNotFound(name, metadata);
  const partitionIds = topic.partitionMetadata.map((p) => p.partitionId).sort((a, b) => a - b);
  const [[summary], configs, committed] = await Promise.all([
    summarise(client, [topic]),
    readConfigs(client, name),
    readCommittedOffsets(client, name, partitionIds, { signal }),
  ]);
  return { ...summary, ...configs, consumerGroups: withLag(committed, summary.partitions) };
}

export function topicNotFound(name: string, metadata: RawMetadata): KafkaError {
  const lower = name.toLowerCase();
  const similar = metadata.topicMetadata
    .map((t) => t.topic)
    .filter((t) => !t.startsWith('__') && (t.toLowerCase().includes(lower) || lower.includes(t.toLowerCase())))
    .slice(0, 3);
  const hint = similar.length ? ` Did you mean ${similar.map((t) => `"${t}"`).join(' or ')}?` : '';
  return new KafkaError('topic_not_found', `Topic "${name}" does not exist on this Kafka cluster.${hint}`, { topic: name, similar });
}

async function readConfigs(client: KafkaClient, name: string): Promise<Pick<TopicDetail, 'configs' | 'configNote' | 'retention'>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const all = await Promise.race([
      client.describeTopicConfigs(name),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DESCRIBE_CONFIGS_TIMEOUT_MS / 1000} s`)), DESCRIBE_CONFIGS_TIMEOUT_MS);
      }),
    ]);
    const configs = Object.fromEntries(TOPIC_PAGE_CONFIGS.filter((k) => k in all).map((k) => [k, all[k]]));
    return { configs, retention: topicRetention(configs) };
  } catch (error) {
    return {
      configs: null,
      retention: null,
      configNote: `The broker did not answer DescribeConfigs (${describeCause(error)}), so retention and cleanup policy are unknown; offsets, leaders and messages below are read directly.`,
    };
  } finally {
    clearTimeout(timer);
  }
}

async function summarise(client: KafkaClient, topics: readonly TopicMetadata[]): Promise<TopicSummary[]> {
  const partitions = topics.flatMap((t) =>
    t.partitionMetadata.map((p) => ({ topic: t.topic, partition: p.partitionId, leader: p.leader !== null && p.leader >= 0 ? p.leader : null })),
  );
  const [earliest, latest] = await Promise.all([client.listOffsets(partitions, EARLIEST), client.listOffsets(partitions, LATEST)]);
  const newest = await newestTimestamps(
    client,
    partitions.map((p, i) => ({ ...p, latest: latest[i].offset, earliest: earliest[i].offset })),
  );
  let index = 0;
  return topics.map((t) => {
    const problems: string[] = [];
    const infos: PartitionInfo[] = t.partitionMetadata
      .map((p) => {
        const i = index++;
        const e = earliest[i];
        const l = latest[i];
        const error = e.error ?? l.error ?? (p.partitionErrorCode ? `Kafka reports error ${p.partitionErrorCode} for it` : undefined);
        if (error) problems.push(`Partition ${p.partitionId}: ${error}.`);
        const n = newest.get(`${t.topic}/${p.partitionId}`);
        if (n?.error) problems.push(`Partition ${p.partitionId}: newest message time unknown (${n.error}).`);
        return {
          partition: p.partitionId,
          leader: p.leader !== null && p.leader >= 0 ? p.leader : null,
          replicas: p.replicas,
          isr: p.isr,
          offlineReplicas: p.offlineReplicas ?? [],
          earliestOffset: e.offset ?? null,
          latestOffset: l.offset ?? null,
          messages: e.offset !== undefined && l.offset !== undefined ? String(BigInt(l.offset) - BigInt(e.offset)) : null,
          newestTimestamp: n?.timestamp ?? null,
          ...(error ? { error } : {}),
        };
      })
      .sort((a, b) => a.partition - b.partition);
    const known = infos.filter((p) => p.messages !== null);
    const latestSum = infos.reduce((sum, p) => sum + BigInt(p.latestOffset ?? 0), 0n);
    const newestAll = infos.reduce<number | null>((max, p) => (p.newestTimestamp !== null && (max === null || p.newestTimestamp > max) ? p.newestTimestamp : max), null);
    return {
      name: t.topic,
      internal: isInternalTopic(t),
      partitionCount: infos.length,
      replicationFactor: Math.max(0, ...t.partitionMetadata.map((p) => p.replicas.length)),
      messages: known.length ? String(known.reduce((sum, p) => sum + BigInt(p.messages!), 0n)) : null,
      // A rate over a partial set of partitions would mislead: only with every partition's end offset.
      ratePerSec: known.length === infos.length ? client.rates.observe(t.topic, latestSum) : null,
      newestTimestamp: newestAll,
      partitions: infos,
      problems,
    };
  });
}
