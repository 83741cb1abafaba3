// A small pool of Kafka connections, one per configuration, speaking kafkajs's protocol layer
// directly so that reading never joins a consumer group (kafkajs's Consumer always does).
import 'server-only';
import { logLevel, type ISocketFactory, type logCreator, type SASLOptions } from 'kafkajs';
import Cluster, { type RawBroker, type RawFetchPartition, type RawMetadata } from 'kafkajs/src/cluster';
import defaultSocketFactory from 'kafkajs/src/network/socketFactory';
import { createLogger } from 'kafkajs/src/loggers';
import type { KafkaConfig } from '@/lib/config';
import { kafkaClientOptions } from './client-options';
import { KafkaError, toKafkaError } from './errors';
import { keepPartitionErrors } from './lenient-metadata';
import { RateTracker } from './rate';
import { topicConfigsRequest } from './topic-configs';

/** Within this age, one metadata answer serves every caller (the topic list polls). */
const METADATA_CACHE_MS = 1_000;
/** Kafka's ListOffsets sentinels. */
export const EARLIEST = -2;
export const LATEST = -1;
/** READ_COMMITTED would hide open transactions' records; a sample shows what is in the log. */
const READ_UNCOMMITTED = 0;

export interface FetchRequest {
  readonly topic: string;
  readonly partition: number;
  readonly fetchOffset: string;
  readonly maxBytes: number;
}

export interface FetchedPartition extends RawFetchPartition {
  readonly topic: string;
}

export interface PartitionLeader {
  readonly topic: string;
  readonly partition: number;
  readonly leader: number | null;
}

export interface OffsetAnswer {
  readonly offset?: string;
  readonly error?: string;
}

/** A group as ListGroups names it, with the broker that listed it: that broker coordinates it. */
export interface ListedGroup {
  readonly groupId: string;
  readonly protocolType: string;
  readonly coordinator: number;
}

export interface GroupListing {
  /** Brokers asked. */
  readonly brokers: number;
  readonly groups: readonly ListedGroup[];
  /** Brokers whose ListGroups failed, with kafkajs's error (the model says it in words). */
  readonly failures: readonly { readonly broker: number; readonly error: unknown }[];
}

export interface GroupDescription {
  readonly state: string;
  readonly protocolType: string;
  readonly members: number;
}

export interface CommittedOffset {
  readonly partition: number;
  /** null where the group committed no offset for the partition. */
  readonly offset: string | null;
}

export interface KafkaClient {
  readonly brokers: readonly string[];
  readonly rates: RateTracker;
  /** Metadata for every topic; asks only for all topics so that no broker auto-creates a topic by name. */
  metadata(options?: { fresh?: boolean }): Promise<RawMetadata>;
  /** ListOffsets for many partitions, one request per leader; one broker's failure fails only its partitions. Answers align with `partitions`. */
  listOffsets(partitions: readonly PartitionLeader[], timestamp: number): Promise<OffsetAnswer[]>;
  /** One Fetch request to one broker. */
  fetch(leader: number, requests: readonly FetchRequest[], options: { maxBytes: number; maxWaitMs?: number }): Promise<FetchedPartition[]>;
  /** The broker's answer to DescribeConfigs for a topic. */
  describeTopicConfigs(topic: string): Promise<Record<string, string | null>>;
  /** ListGroups on every broker, since each lists only the groups it coordinates. Never joins a group. */
  listGroups(): Promise<GroupListing>;
  /** DescribeGroups for one group, sent to its coordinator. */
  describeGroup(coordinator: number, groupId: string): Promise<GroupDescription>;
  /** OffsetFetch for one group's offsets on one topic, sent to its coordinator. Reads, never commits. */
  fetchCommittedOffsets(coordinator: number, groupId: string, topic: string, partitions: readonly number[]): Promise<CommittedOffset[]>;
}

export interface KafkaClientOptions {
  /** Tests route the connections through a logging proxy. */
  readonly socketFactory?: ISocketFactory;
}

const quiet: logCreator = () => () => undefined;

class PooledKafkaClient implements KafkaClient {
  readonly brokers: readonly string[];
  readonly rates = new RateTracker();
  private cluster: Cluster | undefined;
  private connecting: Promise<Cluster> | undefined;
  private cached: { at: number; value: Promise<RawMetadata> } | undefined;

  constructor(
    private readonly config: KafkaConfig,
    private readonly options: KafkaClientOptions = {},
  ) {
    this.brokers = config.brokers;
  }

  metadata({ fresh = false } = {}): Promise<RawMetadata> {
    const now = Date.now();
    if (fresh || !this.cached || now - this.cached.at > METADATA_CACHE_MS) {
      const value = this.readMetadata();
      this.cached = { at: now, value };
      value.catch(() => {
        if (this.cached?.value === value) this.cached = undefined;
      });
    }
    return this.cached.value;
  }

  async listOffsets(partitions: readonly PartitionLeader[], timestamp: number) {
    const answers: OffsetAnswer[] = partitions.map(() => ({ error: 'it has no leader (no in-sync replica is available)' }));
    const byLeader = new Map<number, number[]>();
    partitions.forEach(({ leader }, index) => {
      if (leader !== null && leader >= 0) byLeader.set(leader, [...(byLeader.get(leader) ?? []), index]);
    });
    await Promise.all(
      [...byLeader].map(async ([leader, indexes]) => {
        const topics = new Map<string, { partition: number; timestamp: number }[]>();
        for (const i of indexes) topics.set(partitions[i].topic, [...(topics.get(partitions[i].topic) ?? []), { partition: partitions[i].partition, timestamp }]);
        try {
          const broker = await this.broker(leader);
          const { responses } = await broker.listOffsets({
            replicaId: -1,
            isolationLevel: READ_UNCOMMITTED,
            topics: [...topics].map(([topic, list]) => ({ topic, partitions: list })),
          });
          for (const i of indexes) {
            const answer = responses.find((r) => r.topic === partitions[i].topic)?.partitions.find((p) => p.partition === partitions[i].partition);
            answers[i] = !answer
              ? { error: `its leader, broker ${leader}, did not report it` }
              : answer.errorCode === 0
                ? { offset: String(answer.offset) }
                : { error: `its leader, broker ${leader}, answered with Kafka error ${answer.errorCode}` };
          }
        } catch (error) {
          const message = `its leader, broker ${leader}, did not answer: ${describeCause(error)}`;
          for (const i of indexes) answers[i] = { error: message };
        }
      }),
    );
    return answers;
  }

  async fetch(leader: number, requests: readonly FetchRequest[], { maxBytes, maxWaitMs = 100 }: { maxBytes: number; maxWaitMs?: number }) {
    const broker = await this.broker(leader);
    const topics = new Map<string, { partition: number; fetchOffset: string; maxBytes: number }[]>();
    for (const r of requests) {
      const list = topics.get(r.topic) ?? [];
      list.push({ partition: r.partition, fetchOffset: r.fetchOffset, maxBytes: r.maxBytes });
      topics.set(r.topic, list);
    }
    const { responses } = await broker.fetch({
      replicaId: -1,
      isolationLevel: READ_UNCOMMITTED,
      maxWaitTime: maxWaitMs,
      minBytes: 1,
      maxBytes,
      topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })),
    });
    return responses.flatMap((r) => r.partitions.map((p) => ({ ...p, topic: r.topicName })));
  }

  async describeTopicConfigs(topic: string) {
    const cluster = await this.connect();
    const broker = await cluster.brokerPool.findConnectedBroker();
    const { resources } = await broker.describeConfigs(topicConfigsRequest(topic));
    const resource = resources.find((r) => r.resourceName === topic);
    if (!resource || resource.errorCode !== 0) throw new Error(resource?.errorMessage ?? `Kafka error ${resource?.errorCode ?? 'without an answer'}`);
    return Object.fromEntries(resource.configEntries.map((e) => [e.configName, e.configValue]));
  }

  async listGroups(): Promise<GroupListing> {
    const { brokers } = await this.metadata();
    const groups: ListedGroup[] = [];
    const failures: { broker: number; error: unknown }[] = [];
    await Promise.all(
      brokers.map(async ({ nodeId }) => {
        try {
          const answer = await (await this.broker(nodeId)).listGroups();
          for (const g of answer.groups) groups.push({ groupId: g.groupId, protocolType: g.protocolType, coordinator: nodeId });
        } catch (error) {
          failures.push({ broker: nodeId, error });
        }
      }),
    );
    return { brokers: brokers.length, groups, failures };
  }

  async describeGroup(coordinator: number, groupId: string): Promise<GroupDescription> {
    const { groups } = await (await this.broker(coordinator)).describeGroups({ groupIds: [groupId] });
    const group = groups.find((g) => g.groupId === groupId);
    if (!group) throw new Error(`broker ${coordinator} did not describe group "${groupId}"`);
    return { state: group.state, protocolType: group.protocolType, members: group.members.length };
  }

  async fetchCommittedOffsets(coordinator: number, groupId: string, topic: string, partitions: readonly number[]): Promise<CommittedOffset[]> {
    const { responses } = await (await this.broker(coordinator)).offsetFetch({ groupId, topics: [{ topic, partitions: partitions.map((partition) => ({ partition })) }] });
    const answered = responses.find((r) => r.topic === topic)?.partitions ?? [];
    return partitions.map((partition) => {
      const offset = answered.find((p) => p.partition === partition)?.offset;
      // Kafka answers -1 for a partition the group has no offset for.
      return { partition, offset: offset === undefined || offset.startsWith('-') ? null : offset };
    });
  }

  async close(): Promise<void> {
    const cluster = this.cluster;
    this.cluster = undefined;
    this.connecting = undefined;
    this.cached = undefined;
    await cluster?.disconnect().catch(() => undefined);
  }

  private async broker(nodeId: number): Promise<RawBroker> {
    const cluster = await this.connect();
    return cluster.findBroker({ nodeId: String(nodeId) });
  }

  private async readMetadata(): Promise<RawMetadata> {
    const hadConnections = Boolean(this.cluster);
    try {
      return await this.readMetadataOnce();
    } catch (first) {
      // A connection that went stale (its broker went down) is not the cluster being down:
      // reconnect once through the bootstrap brokers. A fresh connect that failed is not retried,
      // so an unreachable cluster is reported within the connection timeout.
      if (!hadConnections || !isConnectionFailure(first)) {
        this.resetAfter(first);
        throw toKafkaError(first, this.brokers, 'reading topic metadata', this.config);
      }
      await this.close();
      try {
        return await this.readMetadataOnce();
      } catch (error) {
        this.resetAfter(error);
        throw toKafkaError(error, this.brokers, 'reading topic metadata', this.config);
      }
    }
  }

  private async readMetadataOnce(): Promise<RawMetadata> {
    const cluster = await this.connect();
    await withDeadline(cluster.refreshMetadata(), this.config.requestTimeoutMs, 'Metadata request timed out', 'KafkaJSRequestTimeoutError');
    const metadata = cluster.brokerPool.metadata;
    if (!metadata) throw new KafkaError('kafka_error', 'Kafka returned no metadata.');
    return metadata;
  }

  private connect(): Promise<Cluster> {
    if (this.cluster) return Promise.resolve(this.cluster);
    this.connecting ??= (async () => {
      const base = kafkaClientOptions(this.config);
      const cluster = new Cluster({
        logger: createLogger({ level: logLevel.NOTHING, logCreator: quiet }),
        socketFactory: this.options.socketFactory ?? defaultSocketFactory(),
        brokers: [...this.config.brokers],
        ssl: base.ssl,
        sasl: base.sasl as SASLOptions | undefined,
        clientId: this.config.clientId,
        connectionTimeout: this.config.connectionTimeoutMs,
        requestTimeout: this.config.requestTimeoutMs,
        enforceRequestTimeout: true,
        // One try per bootstrap broker; the deadline below bounds the whole attempt.
        retry: { retries: Math.min(this.config.brokers.length - 1, 2), initialRetryTime: 100, maxRetryTime: 500 },
        allowAutoTopicCreation: false,
      });
      keepPartitionErrors(cluster);
      try {
        await withDeadline(cluster.connect(), this.config.connectionTimeoutMs + 250, 'Connection timeout');
      } catch (error) {
        void cluster.disconnect().catch(() => undefined);
        throw error;
      }
      this.cluster = cluster;
      return cluster;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /** A cluster that lost its connections is rebuilt on the next call instead of retried forever. */
  private resetAfter(error: unknown): void {
    if (isConnectionFailure(error)) void this.close();
  }
}

function isConnectionFailure(error: unknown): boolean {
  for (let current = error as { name?: string; cause?: unknown } | undefined, depth = 0; current && depth < 5; current = current.cause as typeof current, depth++) {
    if (/Connection|BrokerNotFound/.test(current.name ?? '')) return true;
  }
  return false;
}

/** The innermost message of a kafkajs error ("Connection error: connect ECONNREFUSED ..."). */
export function describeCause(error: unknown): string {
  let current = error as { message?: string; cause?: unknown } | undefined;
  while (current?.cause) current = current.cause as typeof current;
  return current?.message ?? String(error);
}

export function withDeadline<T>(work: Promise<T>, ms: number, message: string, name = 'KafkaJSConnectionError'): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(message), { name })), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

const pool = new Map<string, PooledKafkaClient>();

/** The pooled client for a configuration: connections and rate history outlive a request. */
export function kafkaClient(config: KafkaConfig, options: KafkaClientOptions = {}): KafkaClient {
  if (options.socketFactory) return new PooledKafkaClient(config, options);
  const key = JSON.stringify(config);
  let client = pool.get(key);
  if (!client) {
    client = new PooledKafkaClient(config);
    pool.set(key, client);
  }
  return client;
}

/** Closes a client made with its own socket factory, or every pooled one (tests, shutdown). */
export async function closeKafkaClient(client?: KafkaClient): Promise<void> {
  if (client) {
    await (client as PooledKafkaClient).close();
    return;
  }
  const clients = [...pool.values()];
  pool.clear();
  await Promise.all(clients.map((c) => c.close()));
}
