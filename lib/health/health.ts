// What the header's connection indicator shows: can Tributary reach Kafka and Druid,
// and which Druid is it talking to.
import { z } from 'zod';


export const HealthSchema = z.object({
  kafka: z.object({
    reachable: z.boolean(),
    brokers: z.array(z.string()),
    clusterBrokers: z.array(z.object({ nodeId: z.number(), host: z.string(), port: z.number() })).optional(),
    error: z.string().optional(),
  }),
  druid: z.object({
    reachable: z.boolean(),
    url: z.string(),
    layout: z.enum(['router', 'split']),
    version: z.string().optional(),
    error: z.string().optional(),
  }),
  /** Tributary's own mode: when read-only, the UI disables actions and submits. */
  readOnly: z.boolean(),
  checkedAt: z.string(),
});

export type Health = z.infer<typeof HealthSchema>;

export interface KafkaProbeResult {
  readonly brokers: readonly { nodeId: number; host: string; port: number }[];
}

export interface HealthProbes {
  readonly kafkaBrokers: readonly string[];
  readonly druidUrl: string;
  readonly druidLayout: 'router' | 'split';
  readonly probeKafka: () => Promise<KafkaProbeResult>;
  readonly probeDruid: () => Promise<{ version: string }>;
  readonly readOnly?: boolean;
}

/** Runs both probes in parallel; a failure of one never hides the other's answer. */
export async function checkHealth(probes: HealthProbes, now = new Date()): Promise<Health> {
  const [kafka, druid] = await Promise.allSettled([probes.probeKafka(), probes.probeDruid()]);
  return {
    kafka:
      kafka.status === 'fulfilled'
        ? { reachable: true, brokers: [...probes.kafkaBrokers], clusterBrokers: [...kafka.value.brokers] }
        : { reachable: false, brokers: [...probes.kafkaBrokers], error: messageOf(kafka.reason) },
    druid:
      druid.status === 'fulfilled'
        ? {
            reachable: true,
            url: probes.druidUrl,
            layout: probes.druidLayout,
            version: druid.value.version,
          }
        : { reachable: false, url: probes.druidUrl, layout: probes.druidLayout, error: messageOf(druid.reason) },
    readOnly: probes.readOnly ?? false,
    checkedAt: now.toISOString(),
  };
}


function messageOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
