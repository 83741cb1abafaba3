// Server side of GET /api/health: real probes against the configured Kafka and Druid,
// answered once per HEALTH_CACHE_MS however many browsers ask.
import 'server-only';
import { Kafka, logLevel } from 'kafkajs';
import { getConfig } from '@/lib/config';
import { checkHealth, type Health } from '@/lib/health';
import { druid } from './druid';
import { kafkaClientOptions } from './kafka-options';

const HEALTH_CACHE_MS = 2_000;
const DRUID_PROBE_TIMEOUT_MS = 5_000;
let last: { at: number; value: Promise<Health> } | undefined;

export function currentHealth(): Promise<Health> {
  const now = Date.now();
  if (!last || now - last.at > HEALTH_CACHE_MS) last = { at: now, value: probeAll() };
  return last.value;
}

async function probeAll(): Promise<Health> {
  const config = getConfig();
  return checkHealth({
    kafkaBrokers: config.kafka.brokers,
    druidUrl: config.druid.layout === 'router' ? config.druid.overlordUrl : `${config.druid.overlordUrl} + ${config.druid.brokerUrl}`,
    druidLayout: config.druid.layout,
    probeKafka: async () => {
      const admin = new Kafka({ ...kafkaClientOptions(config.kafka), logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
      try {
        await admin.connect();
        const cluster = await admin.describeCluster();
        return { brokers: cluster.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })) };
      } catch (error) {
        throw new Error(`Kafka at ${config.kafka.brokers.join(', ')} is unreachable: ${(error as Error).message}`);
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
    probeDruid: async () => {
      const status = await druid().status.status('overlord', { timeoutMs: DRUID_PROBE_TIMEOUT_MS });
      return { version: status.version ?? 'unknown' };
    },
  });
}
