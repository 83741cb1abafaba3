// Server side of GET /api/health: real probes against the configured Kafka and Druid,
// answered once per HEALTH_CACHE_MS however many browsers ask.
import 'server-only';
import { getConfig } from '@/lib/config';
import { checkHealth, type Health } from '@/lib/health';
import { druid } from './druid';
import { appKafka } from '@/lib/kafka/server';

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
    readOnly: config.access.readOnly,
    probeKafka: async () => {
      // lib/kafka's errors already name the brokers and what to check.
      const metadata = await appKafka().metadata({ fresh: true });
      return { brokers: metadata.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })) };
    },
    probeDruid: async () => {
      const status = await druid().status.status('overlord', { timeoutMs: DRUID_PROBE_TIMEOUT_MS });
      return { version: status.version ?? 'unknown' };
    },
  });
}
