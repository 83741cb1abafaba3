// Every route that hands a spec to Druid, or judges one, holds it against the configured Kafka
// and schema registry first: a spec naming any other address is refused (or, when validating,
// reported at its path) and Druid receives nothing, so it opens no connection anywhere.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { json, startFakeDruid, type FakeDruid } from '@/lib/druid/testing/fake-druid';
import { REDACTED } from '@/lib/spec';
import { CLICKS_SPEC, clicksSpecWith } from '@/lib/spec/spec-test-helpers';

let druid: FakeDruid;
let dir: string;
let routes: { check: typeof import('../load/check/route'); validate: typeof import('./validate/route'); supervisors: typeof import('../supervisors/route') };

beforeAll(async () => {
  druid = await startFakeDruid(() => json('{"numRowsRead":0,"numRowsIndexed":0,"data":[]}'));
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-own-clusters-'));
  Object.assign(process.env, {
    KAFKA_BROKERS: 'kafka1:9092,kafka2:9092',
    TRIBUTARY_ALLOWED_KAFKA: 'kafka-eu:9092',
    DRUID_URL: druid.url,
    SCHEMA_REGISTRY_URL: 'http://registry:8081',
    TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db'),
  });
  routes = { check: await import('../load/check/route'), validate: await import('./validate/route'), supervisors: await import('../supervisors/route') };
});

afterAll(async () => {
  await druid?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  druid.requests.length = 0;
});

const post = (handler: (request: Request) => Promise<Response>, url: string, body: unknown) =>
  handler(new Request(`http://app${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
const probing = (servers: string) => clicksSpecWith((s) => (s.spec.ioConfig.consumerProperties = { 'bootstrap.servers': servers }));
const ALLOWED = 'use kafka1:9092,kafka2:9092,kafka-eu:9092 (an admin can allow more Kafka brokers with TRIBUTARY_ALLOWED_KAFKA)';

describe('POST /api/load/check', () => {
  it("refuses a broker outside the configuration before Druid's sampler sees the spec", async () => {
    const response = await post(routes.check.POST, '/api/load/check', { spec: probing('127.0.0.1:22') });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_spec');
    expect(error.message).toBe(
      `Fix the spec before checking it with Druid: spec.ioConfig.consumerProperties["bootstrap.servers"]: bootstrap.servers names "127.0.0.1:22", outside the Kafka clusters Tributary is configured for; ${ALLOWED}`,
    );
    expect(error.details.issues[0].path).toBe('spec.ioConfig.consumerProperties["bootstrap.servers"]');
    expect(druid.requests).toEqual([]);
  });

  it('refuses a schema registry of the spec’s own choosing, and the redaction placeholder', async () => {
    const registry = clicksSpecWith((s) => {
      s.spec.ioConfig.consumerProperties['bootstrap.servers'] = 'kafka1:9092';
      s.spec.ioConfig.inputFormat = { type: 'avro_stream', avroBytesDecoder: { type: 'schema_registry', url: 'http://10.0.0.7:8081' } };
    });
    expect((await (await post(routes.check.POST, '/api/load/check', { spec: registry })).json()).error.message).toContain(
      'spec.ioConfig.inputFormat.avroBytesDecoder.url: the schema registry "http://10.0.0.7:8081" is not the one Tributary is configured for; use http://registry:8081',
    );
    const placeholder = clicksSpecWith((s) => (s.spec.ioConfig.consumerProperties = { 'bootstrap.servers': 'kafka1:9092', 'sasl.jaas.config': REDACTED }));
    const response = await post(routes.check.POST, '/api/load/check', { spec: placeholder });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('type the secret again, or leave the field out');
    expect(druid.requests).toEqual([]);
  });

  it('passes a spec that reads the configured brokers on to Druid', async () => {
    const response = await post(routes.check.POST, '/api/load/check', { spec: probing('KAFKA-EU:9092') });
    expect(response.status).toBe(200);
    expect(druid.requests.map((r) => r.url)).toEqual(['/druid/indexer/v1/sampler']);
  });
});

describe('POST /api/supervisors', () => {
  it('refuses to submit a spec naming another broker, with the field, the broker and the allowed ones', async () => {
    const response = await post(routes.supervisors.POST, '/api/supervisors', probing('kafka1:9092,kafka9.internal:9092'));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toBe(
      `The spec was not submitted: 1 problem, first at spec.ioConfig.consumerProperties["bootstrap.servers"]: bootstrap.servers names "kafka9.internal:9092", outside the Kafka clusters Tributary is configured for; ${ALLOWED}`,
    );
    expect(druid.requests).toEqual([]);
  });

  it('refuses a password sent back as the placeholder, naming where it is', async () => {
    const spec = clicksSpecWith((s) => (s.spec.ioConfig.consumerProperties = { 'bootstrap.servers': 'kafka1:9092', 'ssl.truststore.password': REDACTED }));
    const response = await post(routes.supervisors.POST, '/api/supervisors', spec);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.details.issues).toEqual([
      {
        path: 'spec.ioConfig.consumerProperties["ssl.truststore.password"]',
        severity: 'error',
        message: `this value is "${REDACTED}", the placeholder Tributary shows instead of a secret: type the secret again, or leave the field out`,
      },
    ]);
    expect(druid.requests).toEqual([]);
  });
});

describe('POST /api/spec/validate', () => {
  it('reports a foreign broker as an error at its path rather than refusing', async () => {
    const response = await post(routes.validate.POST, '/api/spec/validate', { spec: probing('10.0.0.9:9092') });
    expect(response.status).toBe(200);
    const { issues } = await response.json();
    expect(issues).toEqual([expect.objectContaining({ pathText: 'spec.ioConfig.consumerProperties["bootstrap.servers"]', severity: 'error' })]);
    const fine = await (await post(routes.validate.POST, '/api/spec/validate', { spec: { ...CLICKS_SPEC, spec: { ...CLICKS_SPEC.spec, ioConfig: { ...CLICKS_SPEC.spec.ioConfig, consumerProperties: { 'bootstrap.servers': 'kafka2:9092' } } } } })).json();
    expect(fine.issues).toEqual([]);
  });
});
