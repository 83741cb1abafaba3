import { describe, expect, it } from 'vitest';
import { inferSchema } from '@/lib/infer';
import { DRAFT_VERSION, type LoadDraft } from '../draft/draft';
import { applyIoToText, checkSpecText, datasourceFromTopic, generateSpec, ioFromSpec } from './review-model';

const defaults = { bootstrapServers: ['kafka-1:9092', 'kafka-2:9092'], overlordUrl: 'http://localhost:8888' };
const lines = [
  '{"ts":"2026-01-31T12:00:00Z","user":"ana","page":"/home","latencyMs":42}',
  '{"ts":"2026-01-31T12:00:01Z","user":"bo","page":"/cart","latencyMs":17}',
  '{"ts":"2026-01-31T12:00:02Z","user":"cy","page":"/home","latencyMs":90}',
];

function draft(patch: Partial<LoadDraft> = {}): LoadDraft {
  return { version: DRAFT_VERSION, id: 'topic:web.clicks', name: 'web.clicks', source: { kind: 'kafka', topic: 'web.clicks' }, createdAt: 1, updatedAt: 1, ...patch };
}

describe('the review spec', () => {
  it('builds the spec from the schema, the form and the server brokers, and asks where reading starts', async () => {
    const { plan } = await inferSchema({ lines }, { now: Date.parse('2026-01-31T12:01:00Z') });
    const generated = generateSpec(draft({ io: { taskCount: 2 } }), plan, defaults);
    expect(generated.spec?.spec.ioConfig).toMatchObject({ topic: 'web.clicks', taskCount: 2, consumerProperties: { 'bootstrap.servers': 'kafka-1:9092,kafka-2:9092' } });
    expect(generated.spec?.spec.dataSchema.dataSource).toBe('web.clicks');
    expect(generated.spec?.spec.ioConfig).not.toHaveProperty('useEarliestOffset');
    const check = checkSpecText(generated.text ?? '');
    expect(check.errors.map((e) => [e.pathText, e.message])).toEqual([['spec.ioConfig', expect.stringContaining('Choose where reading starts')]]);

    const answered = generateSpec(draft({ io: { useEarliestOffset: true, startSuspended: true } }), plan, defaults);
    expect(checkSpecText(answered.text ?? '').errors).toEqual([]);
    expect(answered.spec?.suspended).toBe(true);
  });

  it('marks errors at their path, and a parse error at its line', () => {
    const check = checkSpecText('{ "type": "kafka", "spec": { "dataSchema": { "dataSource": "" }, "ioConfig": { "topic": "t" } } }');
    expect(check.errors.length).toBeGreaterThan(0);
    expect(check.errors.every((e) => e.pathText.startsWith('spec'))).toBe(true);
    const broken = checkSpecText('{\n  "type": "kafka",\n  "spec": {\n');
    expect(broken.parseError).toMatchObject({ line: 4 });
  });

  it('flows form edits into hand-edited JSON, keeping the hand edits, and back again', async () => {
    const { plan } = await inferSchema({ lines }, { now: Date.parse('2026-01-31T12:01:00Z') });
    const text = generateSpec(draft({ io: { useEarliestOffset: false } }), plan, defaults).text ?? '';
    const handEdited = text.replace('"taskDuration": "PT1H"', '"taskDuration": "PT1H",\n      "completionTimeout": "PT20M"');
    const changed = applyIoToText(handEdited, { datasource: 'clicks', useEarliestOffset: true, replicas: 2, lateMessageRejectionPeriod: 'PT2H', startSuspended: true });
    const spec = checkSpecText(changed).spec;
    expect(spec?.spec.ioConfig).toMatchObject({ completionTimeout: 'PT20M', replicas: 2, useEarliestOffset: true, lateMessageRejectionPeriod: 'PT2H' });
    expect(ioFromSpec(spec!)).toMatchObject({ datasource: 'clicks', useEarliestOffset: true, replicas: 2, lateMessageRejectionPeriod: 'PT2H', startSuspended: true });
    const cleared = checkSpecText(applyIoToText(changed, { lateMessageRejectionPeriod: undefined, startSuspended: false })).spec;
    expect(cleared?.spec.ioConfig).not.toHaveProperty('lateMessageRejectionPeriod');
    expect(cleared).not.toHaveProperty('suspended');
  });

  it('asks pasted messages for the topic they stand for', async () => {
    const { plan } = await inferSchema({ lines }, { now: Date.parse('2026-01-31T12:01:00Z') });
    const pasted = draft({ id: 'paste:default', source: { kind: 'paste' }, io: { useEarliestOffset: true } });
    expect(generateSpec(pasted, plan, defaults).issues.map((i) => i.message)).toEqual(['Name the Kafka topic to read: pasted messages do not say which topic they come from.']);
    const named = generateSpec({ ...pasted, io: { ...pasted.io, topic: 'web-clickstream' } }, plan, defaults);
    expect(named.spec?.spec.ioConfig.topic).toBe('web-clickstream');
    expect(named.spec?.spec.dataSchema.dataSource).toBe('web-clickstream');
  });

  it('writes Kafka security as the server describes it into a new spec, without a password', async () => {
    const { plan } = await inferSchema({ lines }, { now: Date.parse('2026-01-31T12:01:00Z') });
    const secured = {
      ...defaults,
      kafkaSecurity: { protocol: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512', username: 'reader', jaasConfigEnv: 'KAFKA_SASL_JAAS_CONFIG' } } as const,
    };
    const spec = generateSpec(draft({ io: { useEarliestOffset: true } }), plan, secured).spec;
    expect(spec?.spec.ioConfig.consumerProperties).toEqual({
      'bootstrap.servers': 'kafka-1:9092,kafka-2:9092',
      'security.protocol': 'SASL_SSL',
      'sasl.mechanism': 'SCRAM-SHA-512',
      'druid.dynamic.config.provider': { type: 'environment', variables: { 'sasl.jaas.config': 'KAFKA_SASL_JAAS_CONFIG' } },
    });
    // An edit keeps what the running supervisor has.
    const edit = generateSpec(draft({ source: { kind: 'edit', supervisorId: 'web.clicks', topic: 'web.clicks' }, baseSpec: spec, io: { useEarliestOffset: true } }), undefined, { ...defaults, kafkaSecurity: { protocol: 'PLAINTEXT' } });
    expect(edit.spec?.spec.ioConfig.consumerProperties).toEqual(spec?.spec.ioConfig.consumerProperties);
  });

  it("marks an address outside the server's own clusters as the text is typed", async () => {
    const { plan } = await inferSchema({ lines }, { now: Date.parse('2026-01-31T12:01:00Z') });
    const text = generateSpec(draft({ io: { useEarliestOffset: true } }), plan, defaults).text ?? '';
    const own = { kafka: ['kafka-1:9092', 'kafka-2:9092'], schemaRegistries: [] };
    expect(checkSpecText(text, undefined, own).errors).toEqual([]);
    const probing = checkSpecText(text.replace('kafka-1:9092,kafka-2:9092', '127.0.0.1:22'), undefined, own);
    expect(probing.errors.map((e) => [e.pathText, e.message])).toEqual([
      ['spec.ioConfig.consumerProperties["bootstrap.servers"]', expect.stringContaining('bootstrap.servers names "127.0.0.1:22", outside the Kafka clusters')],
    ]);
  });

  it('names the datasource after the topic, as Druid allows', () => {
    expect(datasourceFromTopic('.internal/events')).toBe('internal_events');
  });
});
