import { describe, expect, it } from 'vitest';
import { checkHealth, HealthSchema } from './health';

const base = { kafkaBrokers: ['k1:9092'], druidUrl: 'http://router:8888', druidLayout: 'router' as const };

describe('checkHealth', () => {
  it('reports both systems reachable, with the brokers and Druid\'s version', async () => {
    const health = await checkHealth({
      ...base,
      probeKafka: async () => ({ brokers: [{ nodeId: 1, host: 'k1', port: 9092 }] }),
      probeDruid: async () => ({ version: '33.0.0' }),
    });
    expect(HealthSchema.parse(health)).toEqual(health);
    expect(health.kafka).toMatchObject({ reachable: true, brokers: ['k1:9092'] });
    expect(health.druid).toMatchObject({ reachable: true, version: '33.0.0' });
  });

  it('keeps one answer when the other system is down', async () => {
    const health = await checkHealth({
      ...base,
      probeKafka: async () => {
        throw new Error('Connection refused by k1:9092');
      },
      probeDruid: async () => ({ version: '30.0.0' }),
    });
    expect(health.kafka).toEqual({ reachable: false, brokers: ['k1:9092'], error: 'Connection refused by k1:9092' });
    expect(health.druid).toMatchObject({ reachable: true, version: '30.0.0' });
  });
});
