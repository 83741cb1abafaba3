// Server side of GET /api/health: real probes against the configured Kafka and Druid,
// answered once per HEALTH_CACHE_MS however many browsers ask.
import 'server-only';
import { Kafka, logLevel } from 'kafkajs';
import { getConfig } from '@/lib/config';
import { checkHealth, type Health } from '@/lib/health';
import { kafkaClientOptions } from './kafka-options';

const HEALTH_CACHE_MS = 2_000;
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
      const headers: Record<string, string> = {};
      if (config.druid.auth) {
        headers.authorization = `Basic ${Buffer.from(`${config.druid.auth.username}:${config.druid.auth.password}`).toString('base64')}`;
      }
      let response: Response;
      try {
        response = await fetch(`${config.druid.overlordUrl}/status`, { headers, signal: AbortSignal.timeout(5_000) });
      } catch (error) {
        throw new Error(`Druid at ${config.druid.overlordUrl} is unreachable: ${(error as Error).cause ? String((error as Error & { cause: Error }).cause.message) : (error as Error).message}`);
      }
      if (!response.ok) throw new Error(`Druid at ${config.druid.overlordUrl} answered /status with HTTP ${response.status}`);
      const body = (await response.json()) as { version?: string };
      return { version: body.version ?? 'unknown' };
    },
  });
}
