// No hostile message crashes or hangs inference: each bad one is reported with a reason, and
// the schema still comes out of the good ones.
import { describe, expect, it } from 'vitest';
import { inferSchema } from './infer';
import { hostileCorpus, ordinaryMessages, type HostileMessage } from './testing/hostile';

const NOW = Date.UTC(2026, 10, 21, 6, 0, 0);

describe('hostile messages', () => {
  const corpus = hostileCorpus();
  const ordinary = ordinaryMessages(120);
  // Hostile messages after the first ordinary ones, one every other record.
  const entries: { value: string | null; hostile?: HostileMessage }[] = [
    ...ordinary.slice(0, 40).map((value) => ({ value })),
    ...corpus.flatMap((h, i) => [{ value: h.value, hostile: h }, { value: ordinary[40 + i] }]),
    ...ordinary.slice(40 + corpus.length).map((value) => ({ value })),
  ];
  const input = {
    records: entries.map((e, i) => ({
      partition: 0,
      offset: String(i),
      timestamp: NOW - 1000 * (500 - i),
      key: null,
      value: e.value,
      ...(e.hostile?.valueEncoding ? { valueEncoding: e.hostile.valueEncoding } : {}),
    })),
  };

  it('covers at least 40 kinds', () => {
    expect(new Set(corpus.map((h) => h.kind)).size).toBeGreaterThanOrEqual(40);
  });

  it('completes, keeps the schema of the good messages, and reports every bad one', async () => {
    const result = await inferSchema(input, { now: NOW });
    expect(result.format).toBe('json');
    expect(result.timestampSpec).toEqual({ column: 'ts', format: 'iso' });
    expect(result.columns.find((c) => c.name === 'bytes')?.role).toBe('metric');
    const reported = new Map(result.preview.unparseable.map((issue) => [issue.index, issue.reason]));
    entries.forEach(({ hostile }, index) => {
      if (!hostile) return;
      const reason = reported.get(index);
      if (hostile.expect === 'bad') expect(reason, `${hostile.kind} should be reported`).toMatch(/\w/);
      else expect(reason, `${hostile.kind} should parse`).toBeUndefined();
    });
    expect(result.warnings.map((w) => w.code)).toContain('unparseable-rows');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says what was wrong with each bad message', async () => {
    const result = await inferSchema(input, { now: NOW });
    const reasons = result.preview.unparseable.map((issue) => issue.reason);
    expect(reasons).toContain('the value is not valid UTF-8 text');
    expect(reasons).toContain('the value is null (a tombstone)');
    expect(reasons).toContain('the value is an array, not a JSON object');
    expect(reasons.some((r) => /over the 4194304-character inference limit/.test(r))).toBe(true);
    expect(reasons.some((r) => /nested \d+ levels deep, over the 1000-level limit/.test(r))).toBe(true);
    expect(reasons.some((r) => r.startsWith('Timestamp[yesterday] is unparseable! Event: {'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('Timestamp[null] is unparseable! Event: {'))).toBe(true);
  });
});

describe('hostile lines in a CSV topic', () => {
  it('keeps the CSV schema and reports each bad line without hanging', async () => {
    const good = Array.from({ length: 60 }, (_, i) => `2026-11-21 05:${String(i % 60).padStart(2, '0')}:00,city${i % 4},${i}`);
    const bad = [
      '"unterminated,quote,1',
      `2026-11-21 05:00:00,${'x'.repeat(3 * 1024 * 1024)},1`,
      'not,a time,at all',
      '{"json": "in a csv topic"}',
      '',
    ];
    const lines = [...good.slice(0, 30), ...bad, ...good.slice(30)];
    const result = await inferSchema({ lines }, { now: NOW });
    expect(result.format).toBe('csv');
    expect(result.timestampSpec).toEqual({ column: 'column_1', format: 'yyyy-MM-dd HH:mm:ss' });
    const reported = new Set(result.preview.unparseable.map((issue) => issue.index));
    for (const index of [30, 32, 33, 34]) expect(reported.has(index), `line ${index}`).toBe(true);
    // The 3 MB line is well-formed CSV: Druid would store it, so it parses.
    expect(reported.has(31)).toBe(false);
  });
});
