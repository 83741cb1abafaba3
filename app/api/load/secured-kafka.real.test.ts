// Tributary and Druid reach a Kafka secured as production clusters are: the local stack's
// SASL_SSL listener (SCRAM-SHA-512 over TLS, with a certificate made when the stack started).
// Tributary samples through it with its own client; the spec it writes carries the security
// properties Druid's consumers need, the password held in Druid's environment only; real Druid
// ingests through it; and the password appears nowhere Tributary or Druid shows the spec.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaSupervisorSpec } from '@/devstack/demo-supervisor';
import { createTopicWith, deleteTopics } from '@/testing/app';
import { druidSql, pollUntil, testStack } from '@/testing/real-stack';
import { closeKafkaClient } from '@/lib/kafka/client';
import { SampleEventSchema } from '@/lib/kafka/schemas';
import { kafkaSecurityProperties } from '@/lib/spec/kafka-security';

const RUN = `secured-${Date.now().toString(36)}`;
const MESSAGES = 40;
const T0 = Date.parse('2026-06-01T00:00:00Z');

let storeDir: string;
let routes: {
  sample: typeof import('@/app/api/kafka/topics/[topic]/sample/route');
  defaults: typeof import('@/app/api/load/defaults/route');
  submit: typeof import('@/app/api/supervisors/route');
  detail: typeof import('@/app/api/supervisors/[id]/route');
  audit: typeof import('@/app/api/audit/route');
};

const secured = () => testStack().real.kafka.secured;
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  await createTopicWith(RUN, 2, Array.from({ length: MESSAGES }, (_, i) => ({ value: JSON.stringify({ time: new Date(T0 + i * 1000).toISOString(), city: `c${i % 4}` }) })));
  storeDir = mkdtempSync(path.join(tmpdir(), 'tributary-secured-'));
  Object.assign(process.env, {
    KAFKA_BROKERS: secured().bootstrapServers,
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: secured().caFile,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: secured().username,
    KAFKA_SASL_PASSWORD: secured().password,
    DRUID_URL: testStack().druidUrl,
    // Druid's tasks trust the broker's certificate as a PEM truststore; the stack put the JAAS line in their environment.
    DRUID_KAFKA_TRUSTSTORE_LOCATION: secured().caFile,
    DRUID_KAFKA_TRUSTSTORE_TYPE: 'PEM',
    DRUID_KAFKA_JAAS_CONFIG_ENV: secured().jaasConfigEnv,
    TRIBUTARY_DB_FILE: path.join(storeDir, 'tributary.db'),
  });
  routes = {
    sample: await import('@/app/api/kafka/topics/[topic]/sample/route'),
    defaults: await import('@/app/api/load/defaults/route'),
    submit: await import('@/app/api/supervisors/route'),
    detail: await import('@/app/api/supervisors/[id]/route'),
    audit: await import('@/app/api/audit/route'),
  };
});

afterAll(async () => {
  await fetch(`${testStack().druidUrl}/druid/indexer/v1/supervisor/${RUN}/terminate`, { method: 'POST' }).catch(() => undefined);
  await closeKafkaClient();
  await deleteTopics(RUN);
  rmSync(storeDir, { recursive: true, force: true });
});

describe('a Kafka with SASL/SCRAM over TLS', () => {
  it('is sampled through Tributary’s own secured client', async () => {
    const response = await routes.sample.POST(new Request(`http://app/api/kafka/topics/${RUN}/sample`, json({ from: 'earliest', limit: 100 })), { params: Promise.resolve({ topic: RUN }) });
    expect(response.status).toBe(200);
    const events = (await response.text()).trim().split('\n').map((line) => SampleEventSchema.parse(JSON.parse(line)));
    const records = events.flatMap((event) => (event.type === 'records' ? event.records : []));
    expect(records).toHaveLength(MESSAGES);
    expect(JSON.parse(String(records[0].value))).toHaveProperty('city');
  });

  it('is ingested by real Druid from a spec whose password stays in Druid’s environment, and shown nowhere', async () => {
    const defaults = await (await routes.defaults.GET(new Request('http://app/api/load/defaults'))).json();
    expect(JSON.stringify(defaults)).not.toContain(secured().password);
    const spec = kafkaSupervisorSpec({ topic: RUN, bootstrapServers: defaults.bootstrapServers[0], timestampSpec: { column: 'time', format: 'iso' }, dimensions: ['city'] });
    const consumerProperties = { ...spec.spec.ioConfig.consumerProperties, ...kafkaSecurityProperties(defaults.kafkaSecurity) };
    expect(consumerProperties).toMatchObject({
      'bootstrap.servers': secured().bootstrapServers,
      'security.protocol': 'SASL_SSL',
      'sasl.mechanism': 'SCRAM-SHA-512',
      'ssl.truststore.location': secured().caFile,
      'druid.dynamic.config.provider': { type: 'environment', variables: { 'sasl.jaas.config': secured().jaasConfigEnv } },
    });
    const submitted = { ...spec, spec: { ...spec.spec, ioConfig: { ...spec.spec.ioConfig, consumerProperties } } };

    const response = await routes.submit.POST(new Request('http://app/api/supervisors', json(submitted)));
    expect(response.status, await response.clone().text()).toBe(200);

    const rows = await pollUntil('every message ingested through SASL_SSL', () => druidSql<{ n: number }>(testStack().druidUrl, `SELECT COUNT(*) AS n FROM "${RUN}"`).catch(() => [{ n: 0 }]), ([row]) => row.n === MESSAGES, 180_000, 2_000);
    expect(rows[0].n).toBe(MESSAGES);

    const druidSpec = await (await fetch(`${testStack().druidUrl}/druid/indexer/v1/supervisor/${RUN}`)).text();
    const page = await (await routes.detail.GET(new Request(`http://app/api/supervisors/${RUN}`), { params: Promise.resolve({ id: RUN }) })).text();
    const audit = await (await routes.audit.GET(new Request(`http://app/api/audit?supervisor=${RUN}`))).text();
    expect(audit).toContain(RUN);
    for (const shown of [druidSpec, page, audit]) expect(shown).not.toContain(secured().password);
  });
});
