// A local Kafka cluster hosted in this process by librdkafka's mock cluster.
// librdkafka serves it from its own threads, which do not keep Node's event loop alive:
// the owner of a MockCluster keeps the process running (see main.ts) and calls close().
import { librdkafka, RD_KAFKA } from './librdkafka';

/** Kafka protocol API keys that tests inject errors into (Kafka's protocol guide). */
export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  InitProducerId: 22,
  DescribeConfigs: 32,
  SaslAuthenticate: 36,
} as const;

/** Kafka protocol error codes used in fault injection. */
export const KafkaErrorCode = {
  NOT_LEADER_OR_FOLLOWER: 6,
  REQUEST_TIMED_OUT: 7,
  LEADER_NOT_AVAILABLE: 5,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  NOT_ENOUGH_REPLICAS: 19,
  BROKER_NOT_AVAILABLE: 8,
} as const;

export interface TopicDefinition {
  name: string;
  partitions: number;
  replicationFactor?: number;
}

export interface MockClusterOptions {
  brokers?: number;
}

export class MockCluster {
  readonly brokerCount: number;
  readonly bootstrapServers: string;
  private readonly handle: unknown;
  private readonly cluster: unknown;
  private readonly topics = new Map<string, TopicDefinition>();
  private closed = false;

  constructor(options: MockClusterOptions = {}) {
    const rd = librdkafka();
    this.brokerCount = options.brokers ?? 3;
    if (!Number.isInteger(this.brokerCount) || this.brokerCount < 1) {
      throw new Error(`brokers must be a positive integer, got ${options.brokers}`);
    }
    const conf = rd.confNew();
    const errstr = Buffer.alloc(RD_KAFKA.ERRSTR_SIZE);
    const set = (name: string, value: string) => {
      if (rd.confSet(conf, name, value, errstr, errstr.length) !== 0) {
        throw new Error(`librdkafka refused ${name}=${value}: ${cString(errstr)}`);
      }
    };
    set('test.mock.num.brokers', String(this.brokerCount));
    // The hosting client never sends anything; keep librdkafka's own logging quiet, even
    // about brokers that tests take down on purpose (those are level 3, errors).
    set('log_level', '2');
    this.handle = rd.kafkaNew(RD_KAFKA.PRODUCER, conf, errstr, errstr.length);
    if (!this.handle) throw new Error(`librdkafka could not start the mock cluster: ${cString(errstr)}`);
    this.cluster = rd.handleMockCluster(this.handle);
    if (!this.cluster) throw new Error('librdkafka did not create a mock cluster');
    this.bootstrapServers = rd.bootstraps(this.cluster);
  }

  static version(): string {
    return librdkafka().version();
  }

  /** Broker ids run from 1 to brokerCount. */
  brokerIds(): number[] {
    return Array.from({ length: this.brokerCount }, (_, i) => i + 1);
  }

  createTopic({ name, partitions, replicationFactor }: TopicDefinition): void {
    const rf = Math.min(replicationFactor ?? this.brokerCount, this.brokerCount);
    this.check(librdkafka().topicCreate(this.cluster, name, partitions, rf), `create topic ${name}`);
    this.topics.set(name, { name, partitions, replicationFactor: rf });
  }

  listTopics(): TopicDefinition[] {
    return [...this.topics.values()];
  }

  setBrokerDown(brokerId: number): void {
    this.check(librdkafka().brokerSetDown(this.cluster, this.brokerId(brokerId)), `take broker ${brokerId} down`);
  }

  setBrokerUp(brokerId: number): void {
    this.check(librdkafka().brokerSetUp(this.cluster, this.brokerId(brokerId)), `bring broker ${brokerId} up`);
  }

  setBrokerRtt(brokerId: number, rttMs: number): void {
    this.check(librdkafka().brokerSetRtt(this.cluster, this.brokerId(brokerId), rttMs), `set rtt of broker ${brokerId}`);
  }

  /** The next requests of apiKey (to any broker) fail with these Kafka error codes, in order. */
  pushRequestErrors(apiKey: number, errorCodes: number[]): void {
    librdkafka().pushRequestErrorsArray(this.cluster, apiKey, errorCodes.length, errorCodes);
  }

  clearRequestErrors(apiKey: number): void {
    librdkafka().clearRequestErrors(this.cluster, apiKey);
  }

  setPartitionLeader(topic: string, partition: number, brokerId: number): void {
    this.check(
      librdkafka().partitionSetLeader(this.cluster, topic, partition, brokerId),
      `move leader of ${topic}/${partition} to ${brokerId}`,
    );
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    librdkafka().destroy(this.handle);
  }

  private brokerId(id: number): number {
    if (!this.brokerIds().includes(id)) throw new Error(`no broker ${id}; brokers are 1..${this.brokerCount}`);
    return id;
  }

  private check(err: number, what: string): void {
    if (err !== 0) throw new Error(`could not ${what}: ${librdkafka().errToStr(err)}`);
  }
}

function cString(buffer: Buffer): string {
  const end = buffer.indexOf(0);
  return buffer.subarray(0, end < 0 ? buffer.length : end).toString('utf8');
}
