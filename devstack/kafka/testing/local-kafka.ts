// Test fixtures: a local Kafka cluster in this process (librdkafka's mock) and the app's
// configuration pointing at it. Used by lib/kafka's integration tests and the benchmark.
import { Kafka, logLevel, type Message } from 'kafkajs';
import { parseConfig, type KafkaConfig } from '@/lib/config';
import { MockCluster } from '../mock-cluster';

export { MockCluster };

export function configFor(bootstrapServers: string, extra: Record<string, string> = {}): KafkaConfig {
  return parseConfig({ KAFKA_BROKERS: bootstrapServers, DRUID_URL: 'http://127.0.0.1:1', KAFKA_CONNECTION_TIMEOUT_MS: '1000', KAFKA_REQUEST_TIMEOUT_MS: '5000', ...extra }).kafka;
}

/** Writes messages with a producer; `partition` and `timestamp` in each message are honoured. */
export async function produce(bootstrapServers: string, topic: string, messages: Message[]): Promise<void> {
  const kafka = new Kafka({ brokers: bootstrapServers.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += 2_000) {
      await producer.send({ topic, messages: messages.slice(i, i + 2_000), acks: 1 });
    }
  } finally {
    await producer.disconnect();
  }
}
