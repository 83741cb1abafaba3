import { describe, expect, it } from 'vitest';
import { createRowParser, type RowParserOptions } from '@/lib/ingest';
import { inferSchema } from './infer';
import { previewPlan } from './preview';
import { readMessages, recordsNear, REPO_ROOT } from './testing/cases';
import path from 'node:path';

const NOW = Date.UTC(2026, 10, 21, 6, 0, 0);
const sampleCase = (name: string) => readMessages(path.join(REPO_ROOT, 'testdata/infer', name));

describe('inferSchema', () => {
  it('wraps the value format in the kafka input format when the record time is the event time', async () => {
    const result = await inferSchema({ records: recordsNear(NOW, sampleCase('json-no-time')) }, { now: NOW });
    expect(result.inputFormat).toEqual({ type: 'kafka', valueFormat: { type: 'json' }, timestampColumnName: 'kafka.timestamp' });
    expect(result.timestampSpec).toEqual({ column: 'kafka.timestamp', format: 'millis' });
    expect(result.timestamp.why).toMatch(/^Kafka record time: present on every record/);
    expect(result.preview.rowsParsed).toBe(120);
  });

  it('takes a back-filled event time over the Kafka record time, and keeps it out of the dimensions', async () => {
    // History from ten days ago, replayed into Kafka within the last two minutes in no particular order.
    const records = Array.from({ length: 60 }, (_, i) => ({
      partition: i % 3,
      offset: String(Math.floor(i / 3)),
      timestamp: NOW - 120_000 + ((i * 37) % 60) * 2000 + (i % 7) * 13,
      key: null,
      value: JSON.stringify({ time: new Date(NOW - 10 * 86_400_000 + ((i * 53) % 60) * 60_000).toISOString(), user: `u${i % 5}`, clicks: i % 4 }),
    }));
    const result = await inferSchema({ records }, { now: NOW });
    expect(result.timestampSpec).toEqual({ column: 'time', format: 'iso' });
    expect(result.inputFormat).toEqual({ type: 'json' });
    expect(result.columns.find((c) => c.name === 'time')?.role).toBe('none');
    expect(result.dimensionsSpec.dimensions.map((d) => d.name)).not.toContain('time');
  });

  it('uses the record time for bare lines without event time, and says the preview stamps them now', async () => {
    const result = await inferSchema({ lines: ['{"a":"x","n":1}', '{"a":"y","n":2}'] }, { now: NOW });
    expect(result.timestampSpec.column).toBe('kafka.timestamp');
    expect(result.warnings.map((w) => w.code)).toContain('no-kafka-time-in-sample');
  });

  it('declares CSV columns from a header message and filters that message out', async () => {
    const result = await inferSchema({ lines: sampleCase('csv-header-message') }, { now: NOW });
    expect(result.inputFormat).toEqual({ type: 'csv', columns: ['ts', 'city', 'device', 'clicks'], findColumnsFromHeader: false, skipHeaderRows: 0 });
    expect(result.transformSpec?.filter).toEqual({ type: 'not', field: { type: 'selector', dimension: 'ts', value: 'ts' } });
    // Druid reads the timestamp before the filter: the header's "ts" is no time, so the row is unparseable.
    expect(result.preview.unparseable[0]).toMatchObject({ index: 0, reason: 'Timestamp[ts] is unparseable! Event: {ts=ts, city=city, device=device, clicks=clicks} (Line: 1)' });
    expect(result.formatWhy).toMatch(/message 1 is a header line/);
  });

  it('reads a CSV topic with a header message per partition and CRLF lines as Druid does', async () => {
    // A producer per partition starts with the header; lines split off a CRLF file keep their "\r".
    const records = [0, 1, 2].flatMap((partition) => [
      { partition, offset: '0', timestamp: NOW - 60_000, key: null, value: 'time,user,clicks,city\r' },
      ...Array.from({ length: 15 }, (_, i) => ({
        partition,
        offset: String(i + 1),
        timestamp: NOW - 59_000 + i * 1000,
        key: null,
        value: `${new Date(NOW - 3_600_000 + i * 60_000 + partition).toISOString()},u${i % 4},${i},${i % 2 ? 'Oslo' : 'Rome'}\r`,
      })),
    ]);
    const result = await inferSchema({ records }, { now: NOW });
    expect(result.inputFormat).toMatchObject({ type: 'csv', columns: ['time', 'user', 'clicks', 'city'] });
    expect(result.timestampSpec).toEqual({ column: 'time', format: 'iso' });
    expect(result.preview).toMatchObject({ rowsIn: 48, rowsParsed: 45, unparseableCount: 3 });
    expect(result.preview.unparseable.map((u) => [u.partition, u.offset, u.reason])).toEqual(
      // Word for word what Druid 33's sampler answers for these messages.
      [0, 1, 2].map((p) => [p, '0', 'Timestamp[time] is unparseable! Event: {time=time, user=user, clicks=clicks, city=city\r} (Line: 1)']),
    );
    expect(result.preview.rows.map((r) => r.city)).not.toContain('city\r');
    expect(new Set(result.preview.rows.map((r) => r.city))).toEqual(new Set(['Oslo\r', 'Rome\r']));
    // lib/ingest, the model of Druid's row pipeline, reads the same rows from the same spec.
    const parse = createRowParser({ ...result, granularitySpec: { ...result.granularitySpec, rollup: false } } as unknown as RowParserOptions);
    const outcomes = records.map((r) => parse({ value: r.value, timestamp: r.timestamp }));
    expect(outcomes.filter((o) => o.kind === 'row')).toHaveLength(45);
    expect(outcomes.flatMap((o) => (o.kind === 'unparseable' ? [o.reason] : []))).toEqual(result.preview.unparseable.map((u) => u.reason));
  });

  it('suggests flattenSpec paths for small nested objects and keeps the rest discovered', async () => {
    const result = await inferSchema({ lines: sampleCase('json-nested') }, { now: NOW });
    expect(result.inputFormat).toEqual({
      type: 'json',
      flattenSpec: {
        useFieldDiscovery: true,
        fields: [
          { type: 'path', name: 'geo_city', expr: '$.geo.city' },
          { type: 'path', name: 'geo_country', expr: '$.geo.country' },
          { type: 'path', name: 'items', expr: '$.items' },
        ],
      },
    });
    expect(result.dimensionsSpec.dimensions).toContainEqual({ type: 'auto', name: 'tags', castToType: 'ARRAY<STRING>' });
    expect(result.dimensionsSpec.dimensions).toContainEqual({ type: 'json', name: 'items' });
  });

  it('keeps the after image, op and source.ts_ms of Debezium events', async () => {
    const result = await inferSchema({ lines: sampleCase('debezium-wrapped') }, { now: NOW });
    const fields = (result.inputFormat.flattenSpec as { fields: { name: string; expr: string }[] }).fields;
    expect(fields).toContainEqual({ type: 'path', name: 'email', expr: '$.payload.after.email' });
    expect(fields).toContainEqual({ type: 'path', name: 'op', expr: '$.payload.op' });
    expect(fields).toContainEqual({ type: 'path', name: 'source_ts_ms', expr: '$.payload.source.ts_ms' });
    expect(result.timestamp.why).toContain('Debezium source.ts_ms');
    const deleted = previewPlan(result.sample, { ...result.plan, rollup: false }, { now: NOW }).rows.find((r) => r.op === 'd');
    expect(deleted).toMatchObject({ email: null });
  });

  it('throws a zod error that names the bad field', async () => {
    await expect(inferSchema({ records: [{ partition: 0, offset: 5, timestamp: 1, key: null, value: '{}' }] })).rejects.toThrow(/offset/);
    await expect(inferSchema({ lines: [] })).rejects.toThrow(/lines is empty/);
  });

  it('answers JSON that survives serialisation, big integers included', async () => {
    const result = await inferSchema({ lines: sampleCase('json-big-integers') }, { now: NOW });
    const text = JSON.stringify(result);
    expect(text).toContain('"trace_id":"9007199254740993"');
    expect(text).not.toContain('"sample"');
  });

  it('throws rows away before the late-message window and warns when most of the sample is outside it', async () => {
    const result = await inferSchema({ lines: sampleCase('json-sql-datetime') }, { now: NOW, lateMessageRejectionPeriod: 'PT1H' });
    expect(result.preview.thrownAwayCount).toBe(120);
    expect(result.preview.thrownAway[0].reason).toMatch(/before the late-message window \(PT1H\)/);
    expect(result.warnings.map((w) => w.code)).toContain('outside-window');
    expect(result.preview.histogram.lateWindowStart).toBe(NOW - 3_600_000);
  });

  it('warns about old data only while useEarliestOffset is off', async () => {
    const lines = sampleCase('json-old-data');
    expect((await inferSchema({ lines }, { now: NOW })).warnings.map((w) => w.code)).toContain('old-data-latest-offset');
    expect((await inferSchema({ lines }, { now: NOW, useEarliestOffset: true })).warnings.map((w) => w.code)).not.toContain('old-data-latest-offset');
  });
});

describe('previewPlan', () => {
  it('re-previews an edited plan: a dimension turned metric is summed', async () => {
    const result = await inferSchema({ lines: sampleCase('json-sql-datetime') }, { now: NOW });
    const columns = result.plan.columns.map((c) =>
      c.name === 'country' ? { ...c, role: 'none' as const } : c,
    );
    const edited = previewPlan(result.sample, { ...result.plan, columns, rollup: true, queryGranularity: 'day' }, { now: NOW });
    expect(edited.rowsOut).toBe(1);
    expect(edited.rows[0]).toMatchObject({ count: 120, sum_visits: 240 });
    expect(edited.rollupRatio).toBeCloseTo(1 / 120);
  });

  it('takes raw input too, and reports an edited timestamp format that does not fit', async () => {
    const input = { lines: sampleCase('json-sql-datetime') };
    const result = await inferSchema(input, { now: NOW });
    const preview = previewPlan(input, { ...result.plan, timestamp: { ...result.plan.timestamp, format: 'iso' } }, { now: NOW });
    expect(preview.unparseableCount).toBe(120);
    expect(preview.unparseable[0].reason).toBe('Timestamp[2024-05-21 13:00:00] is unparseable! Event: {event_ts=2024-05-21 13:00:00, country=paris, visits=1}');
    // The same input object is decoded once: a second edit reads the cached sample.
    expect(previewPlan(input, result.plan, { now: NOW }).rowsParsed).toBe(120);
  });
});
