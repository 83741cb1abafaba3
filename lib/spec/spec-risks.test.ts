import { describe, expect, it } from 'vitest';
import { risksOf } from './spec-risks';
import { clicksSpecWith, CLICKS_SPEC } from './spec-test-helpers';

describe('risksOf', () => {
  it('treats a move from one topic to a topic pattern as a topic change', () => {
    const after = clicksSpecWith((s) => {
      delete s.spec.ioConfig.topic;
      s.spec.ioConfig.topicPattern = 'clicks-.*';
    });
    expect(risksOf(CLICKS_SPEC, after, []).map((r) => [r.kind, r.pathText])).toEqual([['topic-change', 'spec.ioConfig.topicPattern']]);
  });

  it('names each removed dimension separately', () => {
    const after = clicksSpecWith((s) => (s.spec.dataSchema.dimensionsSpec!.dimensions = []));
    expect(risksOf(CLICKS_SPEC, after, []).map((r) => r.title)).toEqual([
      'Dimension "url" is removed',
      'Dimension "user" is removed',
      'Dimension "status" is removed',
    ]);
  });

  it('finds nothing risky in tuning changes', () => {
    const after = clicksSpecWith((s) => (s.spec.tuningConfig = { type: 'kafka', maxRowsInMemory: 1 }));
    expect(risksOf(CLICKS_SPEC, after, [{ path: [], pathText: 'spec.tuningConfig.maxRowsInMemory' }])).toEqual([]);
  });
});
