// Connection settings: plaintext works, wrong SASL/TLS settings and unreachable brokers give a
// clear error within the connection timeout, never a hang.
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeKafkaClient, kafkaClient } from './client';
import { listTopics } from './catalogue';
import { configFor, MockCluster } from '@/devstack/kafka/testing/local-kafka';

const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
let cluster: MockCluster;
beforeAll(() => {
  cluster = new MockCluster({ brokers: 3 });
  cluster.createTopic({ name: 'plain', partitions: 1 });
});
afterAll(async () => {
  await closeKafkaClient();
  cluster.close();
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

it('says Kafka cannot be reached when nothing listens on the broker address', async () => {
  const error = await listTopics(kafkaClient(configFor('127.0.0.1:1'))).catch((e) => e);
  expect(error.toApiError()).toMatchObject({ status: 503, code: 'kafka_unreachable' });
  expect(error.message).toMatch(/^Kafka at 127\.0\.0\.1:1 could not be reached while reading topic metadata: .*ECONNREFUSED.*Check KAFKA_BROKERS/);
});

it('gives up within the connection timeout when a broker accepts connections but never answers', async () => {
  const silent = net.createServer((socket) => void sockets.push(socket));
  servers.push(silent);
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const address = `127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
  const started = Date.now();
  const error = await listTopics(kafkaClient(configFor(address, { KAFKA_CONNECTION_TIMEOUT_MS: '1000', KAFKA_REQUEST_TIMEOUT_MS: '30000' }))).catch((e) => e);
  // The connection timeout (1 s) and a little scheduling slack, far below the 30 s request timeout.
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(error.toApiError()).toMatchObject({ code: 'kafka_unreachable' });
  expect(error.message).toContain(`Kafka at ${address} could not be reached`);
});

it('reads a plaintext cluster with the default settings', async () => {
  const list = await listTopics(kafkaClient(configFor(cluster.bootstrapServers)));
  expect(list.topics.map((t) => t.name)).toEqual(['plain']);
});

it('says SASL was refused, naming the setting, when the listener does not speak SASL', async () => {
  const config = configFor(cluster.bootstrapServers, { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'druid', KAFKA_SASL_PASSWORD: 'secret' });
  const error = await listTopics(kafkaClient(config)).catch((e) => e);
  expect(error.toApiError()).toMatchObject({ status: 502, code: 'kafka_auth' });
  expect(error.message).toContain('did not accept SASL SCRAM-SHA-512 authentication');
  expect(error.message).toContain('Check KAFKA_SASL_MECHANISM');
  expect(error.message).not.toContain('secret');
});

it('says the TLS connection failed, naming the setting, when the listener is not TLS', async () => {
  const error = await listTopics(kafkaClient(configFor(cluster.bootstrapServers, { KAFKA_SSL: 'true' }))).catch((e) => e);
  expect(error.message).toMatch(/^The TLS connection to Kafka at .+ failed while reading topic metadata: .+Check KAFKA_SSL/);
});

it('keeps answering while one broker is up, reconnecting past connections to brokers that went down', async () => {
  const client = kafkaClient(configFor(cluster.bootstrapServers));
  await listTopics(client);
  cluster.setBrokerDown(1);
  cluster.setBrokerDown(2);
  try {
    for (let i = 0; i < 3; i++) {
      const metadata = await client.metadata({ fresh: true });
      expect(metadata.topicMetadata.map((t) => t.topic)).toContain('plain');
    }
  } finally {
    cluster.setBrokerUp(1);
    cluster.setBrokerUp(2);
  }
});
