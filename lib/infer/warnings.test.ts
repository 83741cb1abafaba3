import { describe, expect, it } from 'vitest';
import type { Column } from './model';
import type { Preview } from './preview';
import { issueWithCardinality, issueWithStartOffset, issueWithTimeColumnName, issueWithUnparseable, issueWithWindow } from './warnings';

const NOW = Date.UTC(2026, 10, 21, 6, 0, 0);
const preview = (over: Partial<Preview>): Preview => ({
  rowsIn: 10, rowsParsed: 10, rowsOut: 10, rollupRatio: 1, rows: [], unparseable: [], unparseableCount: 0,
  thrownAway: [], thrownAwayCount: 0, lateCount: 0, histogram: { granularity: 'hour', now: NOW, lateWindowStart: null, buckets: [] }, eventTimes: [], ...over,
});
const plan = { decode: { format: 'json' as const }, timestamp: { column: 'ts', format: 'iso' }, columns: [], rollup: false, queryGranularity: 'none' as const, segmentGranularity: 'hour' as const };

describe('warnings', () => {
  it('explains a field named __time', () => {
    expect(issueWithTimeColumnName('__time_original')?.message).toMatch(/loaded as "__time_original"/);
    expect(issueWithTimeColumnName(undefined)).toBeUndefined();
  });

  it('counts unparseable messages and quotes the first reason', () => {
    const warning = issueWithUnparseable(preview({ unparseableCount: 2, unparseable: [{ index: 4, reason: 'invalid JSON: x' }] }));
    expect(warning?.message).toBe('2 of 10 messages cannot be parsed (first, message 5: invalid JSON: x); Druid counts them as parse exceptions');
  });

  it('flags a sample mostly in the future', () => {
    const future = Array.from({ length: 10 }, () => NOW + 3 * 86_400_000);
    expect(issueWithWindow(preview({ eventTimes: future }), NOW, plan)?.code).toBe('outside-window');
    expect(issueWithWindow(preview({ eventTimes: [NOW] }), NOW, plan)).toBeUndefined();
  });

  it('flags old data with useEarliestOffset off', () => {
    const old = preview({ eventTimes: [NOW - 10 * 86_400_000] });
    expect(issueWithStartOffset({ plan, preview: old, now: NOW, hasKafkaTimes: true })?.message).toMatch(/about 10 days old/);
    expect(issueWithStartOffset({ plan, preview: old, now: NOW, hasKafkaTimes: true, useEarliestOffset: true })).toBeUndefined();
  });

  it('suggests the sketch for a high-cardinality dimension', () => {
    const column: Column = { name: 'session', type: 'string', role: 'dimension', why: '', distinctCount: 900, highCardinality: true, sketch: { type: 'HLLSketchBuild', name: 'session_sketch', fieldName: 'session' } };
    expect(issueWithCardinality(column)?.message).toMatch(/ingest the sketch session_sketch/);
  });
});
