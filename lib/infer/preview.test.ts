import { describe, expect, it } from 'vitest';
import type { LoadPlan } from './model';
import { periodToMs, previewPlan } from './preview';
import { inferSchema } from './infer';

const NOW = Date.UTC(2026, 10, 21, 6, 0, 0);
const HOUR = 3_600_000;

const plan: LoadPlan = {
  decode: { format: 'json' },
  timestamp: { column: 'ts', path: '$.ts', format: 'millis' },
  columns: [
    { name: 'ts', path: '$.ts', type: 'long', role: 'none', why: '' },
    { name: 'code', path: '$.code', type: 'long', role: 'dimension', why: '' },
    { name: 'amount', path: '$.amount', type: 'double', role: 'metric', aggregator: { type: 'doubleSum', name: 'sum_amount', fieldName: 'amount' }, why: '' },
    { name: 'peak', path: '$.amount', type: 'double', role: 'metric', aggregator: { type: 'doubleMax', name: 'max_amount', fieldName: 'peak' }, why: '' },
  ],
  rollup: true,
  queryGranularity: 'hour',
  segmentGranularity: 'hour',
};

const lines = [
  JSON.stringify({ ts: NOW - 2 * HOUR + 5, code: '7', amount: 1.5 }),
  JSON.stringify({ ts: NOW - 2 * HOUR + 9, code: 7, amount: 2 }),
  JSON.stringify({ ts: NOW - HOUR, code: 8, amount: 4 }),
  JSON.stringify({ code: 8, amount: 4 }),
  '{"ts": ',
];

describe('previewPlan', () => {
  it('rolls up rows whose stored values match (the string "7" and the number 7 as a long)', () => {
    const preview = previewPlan({ lines }, plan, { now: NOW });
    expect(preview).toMatchObject({ rowsIn: 5, rowsParsed: 3, rowsOut: 2, unparseableCount: 2 });
    expect(preview.rows[0]).toEqual({ __time: new Date(NOW - 2 * HOUR).toISOString(), code: 7, count: 2, sum_amount: 3.5, max_amount: 2 });
    expect(preview.unparseable.map((i) => i.reason)).toEqual(['Timestamp[null] is unparseable! Event: {code=8, amount=4}', expect.stringMatching(/^invalid JSON/)]);
  });

  it('buckets event times by segment granularity and marks the late window', () => {
    const preview = previewPlan({ lines }, { ...plan, lateMessageRejectionPeriod: 'PT90M' }, { now: NOW });
    expect(preview.thrownAwayCount).toBe(2);
    expect(preview.lateCount).toBe(2);
    expect(preview.histogram).toEqual({
      granularity: 'hour',
      now: NOW,
      lateWindowStart: NOW - 90 * 60_000,
      // The window opens inside this bucket (04:30), so it is partly kept and not marked late,
      // though both of its rows are before the window.
      buckets: [
        { start: NOW - 2 * HOUR, count: 2, late: false, future: false },
        { start: NOW - HOUR, count: 1, late: false, future: false },
      ],
    });
  });

  it('reports the ratio of rows out to rows in', () => {
    expect(previewPlan({ lines }, { ...plan, rollup: false }, { now: NOW }).rollupRatio).toBe(1);
  });
});

describe('periodToMs', () => {
  it('reads ISO 8601 periods and rejects anything else', () => {
    expect(periodToMs('PT1H')).toBe(HOUR);
    expect(periodToMs('P1DT12H')).toBe(36 * HOUR);
    expect(periodToMs('1 hour')).toBeNull();
  });
});

describe('the late-message window in the preview', () => {
  it('counts every late row, however many, and still draws them in late buckets', async () => {
    const now = Date.UTC(2026, 10, 21, 12);
    // 400 rows three hours old (past a PT1H window), 10 rows from the last minutes.
    const lines = [
      ...Array.from({ length: 400 }, (_, i) => JSON.stringify({ ts: new Date(now - 3 * 3_600_000 + i * 1000).toISOString(), n: i })),
      ...Array.from({ length: 10 }, (_, i) => JSON.stringify({ ts: new Date(now - 60_000 * (i + 1)).toISOString(), n: i })),
    ];
    const inferred = await inferSchema({ lines }, { now });
    const preview = previewPlan({ lines }, { ...inferred.plan, lateMessageRejectionPeriod: 'PT1H', segmentGranularity: 'hour' }, { now });
    expect(preview.lateCount).toBe(400);
    expect(preview.rowsParsed).toBe(10);
    const lateBuckets = preview.histogram.buckets.filter((b) => b.late);
    expect(lateBuckets.reduce((sum, b) => sum + b.count, 0)).toBe(400);
  });
});
