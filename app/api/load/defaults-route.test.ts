// GET /api/load/defaults in-process: what the wizard needs to write a spec for a secured Kafka,
// which is names only; the Kafka and Druid passwords stay on the server.
import { beforeAll, describe, expect, it } from 'vitest';
import { LoadDefaultsSchema } from '@/components/load/review/schemas';

let route: typeof import('./defaults/route');

beforeAll(async () => {
  Object.assign(process.env, {
    KAFKA_BROKERS: 'kafka1:9093',
    KAFKA_SSL: 'true',
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: 'tributary',
    KAFKA_SASL_PASSWORD: 'kafka-secret',
    DRUID_KAFKA_TRUSTSTORE_LOCATION: '/opt/druid/conf/kafka.truststore.jks',
    DRUID_KAFKA_TRUSTSTORE_TYPE: 'JKS',
    DRUID_KAFKA_TRUSTSTORE_PASSWORD_ENV: 'KAFKA_TRUSTSTORE_PASSWORD',
    DRUID_URL: 'http://admin:druid-secret@127.0.0.1:1',
  });
  route = await import('./defaults/route');
});

describe('GET /api/load/defaults', () => {
  it('describes Kafka security for Druid by mechanism, user and variable names, never a password', async () => {
    const response = await route.GET(new Request('http://app/api/load/defaults'));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(LoadDefaultsSchema.parse(JSON.parse(text))).toEqual({
      bootstrapServers: ['kafka1:9093'],
      overlordUrl: 'http://127.0.0.1:1',
      kafkaSecurity: {
        protocol: 'SASL_SSL',
        sasl: { mechanism: 'SCRAM-SHA-512', username: 'tributary', jaasConfigEnv: 'KAFKA_SASL_JAAS_CONFIG' },
        truststore: { location: '/opt/druid/conf/kafka.truststore.jks', type: 'JKS', passwordEnv: 'KAFKA_TRUSTSTORE_PASSWORD' },
      },
      ownClusters: { kafka: ['kafka1:9093'], schemaRegistries: [] },
    });
    expect(text).not.toContain('kafka-secret');
    expect(text).not.toContain('druid-secret');
  });
});
