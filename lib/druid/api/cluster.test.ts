// The sampler's request as Druid 33 reads it: a KafkaSamplerSpec whose "spec" is a supervisor
// spec with a type id of its own.
import { describe, expect, it } from 'vitest';
import { samplerRequestBody } from './cluster';

const ingestion = {
  dataSchema: { dataSource: 'payments', timestampSpec: { column: 'ts', format: 'iso' }, dimensionsSpec: { dimensions: ['method'] } },
  ioConfig: { type: 'kafka', topic: 'payments', inputFormat: { type: 'json' }, consumerProperties: { 'bootstrap.servers': 'kafka:29092' }, useEarliestOffset: true },
  tuningConfig: { type: 'kafka' },
};

describe('samplerRequestBody', () => {
  it('gives the inner spec the supervisor type, which Druid 33 otherwise refuses with "missing type id property"', () => {
    const sent = JSON.parse(samplerRequestBody({ type: 'kafka', spec: ingestion, samplerConfig: { numRows: 200, timeoutMs: 15_000 } }));
    expect(sent).toEqual({ type: 'kafka', spec: { type: 'kafka', ...ingestion }, samplerConfig: { numRows: 200, timeoutMs: 15_000 } });
  });

  it("keeps an inner type and every field Tributary does not know (nothing is stripped)", () => {
    const spec = { type: 'kafka', ...ingestion, context: { taskLockType: 'APPEND' } };
    const sent = JSON.parse(samplerRequestBody({ type: 'kafka', spec, samplerConfig: { numRows: 10, cacheKey: 'abc' } }));
    expect(sent.spec).toEqual(spec);
    expect(sent.samplerConfig).toEqual({ numRows: 10, cacheKey: 'abc' });
  });

  it('keeps offsets beyond 2^53 exact in the body', () => {
    const body = samplerRequestBody({ type: 'kafka', spec: { ...ingestion, ioConfig: { ...ingestion.ioConfig, offset: 9223372036854775807n } } });
    expect(body).toContain('"offset":9223372036854775807');
  });
});
