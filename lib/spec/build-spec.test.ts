import { describe, expect, it } from 'vitest';
import { buildSpec } from './build-spec';
import { loadPlanSchema } from './load-plan';
import { planFromSpec } from './plan-from-spec';
import { CLICKS_PLAN as PLAN, CLICKS_SPEC, clicksSpecWith } from './spec-test-helpers';
import { validateSpec } from './validate';

describe('buildSpec', () => {
  it('builds a spec that validates cleanly from a wizard plan', () => {
    const spec = buildSpec(loadPlanSchema.parse(PLAN));
    expect(validateSpec(spec, { partitionCount: 2 })).toEqual({ spec, issues: [] });
    expect(spec).toEqual({ ...CLICKS_SPEC, spec: { ...CLICKS_SPEC.spec, ioConfig: { ...CLICKS_SPEC.spec.ioConfig, replicas: 1 } } });
  });

  it('writes security settings next to the brokers and tuning overrides under the kafka type', () => {
    const spec = buildSpec(
      loadPlanSchema.parse({
        ...PLAN,
        consumerProperties: { 'security.protocol': 'SASL_SSL' },
        tuning: { maxRowsInMemory: 50000 },
        lateMessageRejectionPeriod: 'PT2H',
        suspended: true,
      }),
    );
    expect(spec.spec.ioConfig.consumerProperties).toEqual({ 'bootstrap.servers': 'kafka1:9092,kafka2:9092', 'security.protocol': 'SASL_SSL' });
    expect(spec.spec.tuningConfig).toEqual({ type: 'kafka', maxRowsInMemory: 50000 });
    expect(spec.spec.ioConfig.lateMessageRejectionPeriod).toBe('PT2H');
    expect(spec.suspended).toBe(true);
  });

  it('keeps what the plan does not cover from a base spec, and takes the rest from the plan', () => {
    const base = clicksSpecWith((s) => {
      s.spec.ioConfig.autoScalerConfig = { enableTaskAutoScaler: true, taskCountMin: 1, taskCountMax: 4 };
      s.spec.ioConfig.stream = 'clicks';
      s.context = { note: 'kept' };
    });
    const { plan, unmapped } = planFromSpec(base);
    expect(unmapped).toEqual(['context', 'spec.ioConfig.autoScalerConfig']);
    const spec = buildSpec({ ...plan, topic: 'clicks-v2' }, { base });
    expect(spec.spec.ioConfig.autoScalerConfig).toEqual(base.spec.ioConfig.autoScalerConfig);
    expect(spec.context).toEqual({ note: 'kept' });
    expect(spec.spec.ioConfig.topic).toBe('clicks-v2');
    // The Overlord's alias of the topic would now be wrong, so it goes.
    expect(spec.spec.ioConfig).not.toHaveProperty('stream');
  });
});
