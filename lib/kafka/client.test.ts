// Connection settings that need no broker: an unreachable address or a listener that never
// answers gives a clear error within the connection timeout, never a hang.
import net from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { closeKafkaClient, kafkaClient } from './client';
import { listTopics } from './catalogue';

const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
afterAll(async () => {
  await closeKafkaClient();
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

const configFor = (brokers: string, extra: Record<string, string> = {}) =>
  parseConfig({ KAFKA_BROKERS: brokers, DRUID_URL: 'http://127.0.0.1:1', KAFKA_CONNECTION_TIMEOUT_MS: '1000', KAFKA_REQUEST_TIMEOUT_MS: '5000', ...extra }).kafka;

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
