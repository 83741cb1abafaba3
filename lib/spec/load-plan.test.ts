import { describe, expect, it } from 'vitest';
import { loadPlanSchema } from './load-plan';
import { CLICKS_PLAN as PLAN } from './spec-test-helpers';

describe('loadPlanSchema', () => {
  it('applies Druid defaults for task settings but not for where reading starts', () => {
    const { useEarliestOffset: _u, ...withoutStart } = PLAN;
    const result = loadPlanSchema.safeParse(withoutStart);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['useEarliestOffset']);
    expect(result.error!.issues[0].message).toMatch(/choose where reading starts/);
    const plan = loadPlanSchema.parse({ ...PLAN, taskCount: undefined });
    expect(plan).toMatchObject({ taskCount: 1, replicas: 1, taskDuration: 'PT1H', consumerProperties: {}, tuning: {} });
  });

  it('keeps brokers out of the consumer property extras', () => {
    const result = loadPlanSchema.safeParse({ ...PLAN, consumerProperties: { 'bootstrap.servers': 'x:9092' } });
    expect(result.error?.issues[0].message).toMatch(/bootstrapServers/);
  });

  it('wants a topic or a pattern, not both', () => {
    expect(loadPlanSchema.safeParse({ ...PLAN, topicPattern: 'clicks-.*' }).success).toBe(false);
    expect(loadPlanSchema.safeParse({ ...PLAN, topic: undefined }).success).toBe(false);
    expect(loadPlanSchema.safeParse({ ...PLAN, topic: undefined, topicPattern: 'clicks-.*' }).success).toBe(true);
  });
});
