import { describe, expect, it } from 'vitest';
import type { LoadPlan } from '@/lib/infer';
import { issuesWithColumnNames, issueWithLateWindow } from './plan-checks';

const base: LoadPlan = {
  decode: { format: 'json' },
  timestamp: { column: 'ts', format: 'iso' },
  columns: [
    { name: 'ts', type: 'string', role: 'none', why: '' },
    { name: 'city', type: 'string', role: 'dimension', why: '' },
  ],
  rollup: false,
  queryGranularity: 'none',
  segmentGranularity: 'day',
};

describe('issuesWithColumnNames', () => {
  it('accepts a plain plan', () => {
    expect(issuesWithColumnNames(base)).toEqual([]);
  });

  it('warns about a column named __time, a duplicate name and a lost timestamp column', () => {
    const plan: LoadPlan = {
      ...base,
      timestamp: { column: 'when', format: 'iso' },
      columns: [...base.columns, { name: '__time', type: 'string', role: 'dimension', why: '' }, { name: 'city', type: 'long', role: 'dimension', why: '' }],
    };
    const codes = issuesWithColumnNames(plan).map((w) => w.code);
    expect(codes).toEqual(['reserved-time-column', 'duplicate-column', 'missing-time-column']);
  });
});

describe('issueWithLateWindow', () => {
  it('warns when most sampled rows fall before the window, counting every row', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    const times = Array.from({ length: 1000 }, (_, i) => now - (i < 700 ? 3 : 0.5) * 3_600_000);
    expect(issueWithLateWindow(times, now - 3_600_000, 'PT1H')?.message).toContain('700 of 1,000 sampled rows fall before the late-message window (PT1H)');
    expect(issueWithLateWindow(times.slice(600), now - 3_600_000, 'PT1H')).toBeUndefined();
  });
});
