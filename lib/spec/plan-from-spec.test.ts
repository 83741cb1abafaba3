import { describe, expect, it } from 'vitest';
import { loadPlanSchema } from './load-plan';
import { planFromSpec } from './plan-from-spec';
import { clicksSpecWith } from './spec-test-helpers';

describe('planFromSpec', () => {
  it('maps every form field and says which ones the spec left to Druid defaults', () => {
    const spec = clicksSpecWith((s) => {
      delete s.spec.ioConfig.useEarliestOffset;
      delete s.spec.ioConfig.taskCount;
    });
    const { plan, defaulted, unmapped } = planFromSpec(spec);
    expect(loadPlanSchema.parse(plan)).toEqual(plan);
    expect(plan).toMatchObject({ topic: 'clicks', datasource: 'clicks', bootstrapServers: ['kafka1:9092', 'kafka2:9092'], useEarliestOffset: false, taskCount: 1 });
    expect(defaulted).toEqual(['spec.ioConfig.useEarliestOffset', 'spec.ioConfig.taskCount']);
    expect(unmapped).toEqual([]);
  });
});
