import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeColumns } from './columns';
import { createRecordParser, createRowParser } from './row-parser';
import type { IngestSpec } from './types';

const samples = path.resolve(__dirname, '../../testdata/samples');
const lines = (name: string) => readFileSync(path.join(samples, name, 'messages.jsonl'), 'utf8').trim().split('\n');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('createRowParser', () => {
  it('parses the clickstream sample: ISO time, string dims, count and longSum', () => {
    const parse = createRowParser({
      inputFormat: { type: 'json' },
      timestampSpec: { column: 'time', format: 'iso' },
      dimensionsSpec: { dimensions: ['url', 'user'] },
      metricsSpec: [{ type: 'count', name: 'views' }, { type: 'longSum', name: 'latencyMs', fieldName: 'latencyMs' }],
    });
    const result = parse({ value: bytes(lines('seed000-clickstream')[1]), timestamp: 0 });
    expect(result).toMatchObject({ kind: 'row', row: { __time: Date.parse('2020-03-19T16:57:59Z'), url: '/', user: 'roni', views: 1, latencyMs: 15 } });
  });

  it('reads millis and counters sent as strings (adclicks)', () => {
    const parse = createRowParser({
      inputFormat: { type: 'json' },
      timestampSpec: { column: 'timestamp', format: 'millis' },
      dimensionsSpec: { dimensions: ['city', 'platform'] },
      metricsSpec: [{ type: 'count', name: 'count' }, { type: 'longSum', name: 'click', fieldName: 'click' }],
      granularitySpec: { queryGranularity: 'hour', rollup: true },
    });
    const result = parse({ value: lines('seed001-adclicks')[2], timestamp: 0 });
    expect(result).toEqual({
      kind: 'row',
      row: { __time: Date.parse('2019-06-05T12:00:00Z'), city: 'beijing', platform: 'mobile', count: 1, click: 1 },
      input: { timestamp: '1559736189302', city: 'beijing', platform: 'mobile', click: '1' },
    });
  });

  it('uses the Kafka record time, key, topic and headers with the kafka inputFormat', () => {
    const parse = createRowParser({
      inputFormat: { type: 'kafka', valueFormat: { type: 'json' }, headerFormat: { type: 'string' }, keyFormat: { type: 'tsv', columns: ['x'] } },
      timestampSpec: { column: 'kafka.timestamp', format: 'millis' },
      dimensionsSpec: { dimensions: ['name', 'kafka.key', 'kafka.topic', 'kafka.header.env'] },
      metricsSpec: [{ type: 'longSum', name: 'amount', fieldName: 'amount' }],
    });
    const result = parse({ value: lines('seed003-payments')[0], key: bytes('dave\tignored'), timestamp: 1680795276351, topic: 'payments', headers: { env: bytes('development') } });
    expect(result).toMatchObject({ kind: 'row', row: { __time: 1680795276351, name: 'Dave', 'kafka.key': 'dave', 'kafka.topic': 'payments', 'kafka.header.env': 'development', amount: 33 } });
  });

  it('reads epoch seconds (crypto) and CSV with listed columns', () => {
    const posix = createRowParser({ inputFormat: { type: 'json' }, timestampSpec: { column: 'timestamp', format: 'posix' }, dimensionsSpec: { dimensions: ['name'] } });
    expect(posix({ value: lines('seed004-crypto')[0], timestamp: 0 })).toMatchObject({ row: { __time: 1666391360000, name: 'BTC' } });
    const csv = createRowParser({
      inputFormat: { type: 'csv', columns: ['ts', 'city', 'note', 'n'] },
      timestampSpec: { column: 'ts', format: 'yyyy-MM-dd HH:mm:ss' },
      dimensionsSpec: { dimensions: ['city', 'note', { name: 'n', type: 'long' }] },
    });
    expect(csv({ value: '2024-01-30 21:21:41,Oslo,"a, ""quoted"" note",42\n', timestamp: 0 })).toMatchObject({
      row: { __time: Date.parse('2024-01-30T21:21:41Z'), city: 'Oslo', note: 'a, "quoted" note', n: 42 },
    });
    expect(csv({ value: '2024-01-30 21:21:41,Oslo,a,1\n2024-01-30 21:21:42,Oslo,b,2', timestamp: 0 })).toEqual({
      kind: 'unparseable',
      reason: 'Record holds 2 lines; the preview reads one row per Kafka record',
    });
    // Empty and missing fields are null; a quoted empty one is the empty string (Druid 33's sampler).
    expect(csv({ value: '2024-01-30 21:21:41,,', timestamp: 0 })).toMatchObject({ row: { city: null, note: null, n: null } });
    expect(csv({ value: '2024-01-30 21:21:41,"",x', timestamp: 0 })).toMatchObject({ row: { city: '', note: 'x', n: null } });
    const tsv = createRowParser({ inputFormat: { type: 'tsv', delimiter: '|', columns: ['ts', 'city'] }, timestampSpec: { column: 'ts', format: 'auto' }, dimensionsSpec: { dimensions: [] } });
    expect(tsv({ value: '1700000000000|Bergen', timestamp: 0 })).toMatchObject({ row: { __time: 1700000000000, city: 'Bergen' } });
  });

  it('reads a CSV header message like Druid: its timestamp is unparseable, so the row is too', () => {
    const csv = createRowParser({
      inputFormat: { type: 'csv', columns: ['time', 'user', 'clicks'] },
      timestampSpec: { column: 'time', format: 'iso' },
      dimensionsSpec: { dimensions: ['user'] },
      transformSpec: { filter: { type: 'not', field: { type: 'selector', dimension: 'time', value: 'time' } } },
    });
    expect(csv({ value: 'time,user,clicks\r\n', timestamp: 0 })).toEqual({
      kind: 'unparseable',
      reason: 'Timestamp[time] is unparseable! Event: {time=time, user=user, clicks=clicks} (Line: 1)',
      input: { time: 'time', user: 'user', clicks: 'clicks' },
    });
  });

  it('keeps a carriage return that ends a message in the last value, and drops one before a line feed, as Druid reads lines', () => {
    const csv = createRowParser({ inputFormat: { type: 'csv', columns: ['ts', 'city'] }, timestampSpec: { column: 'ts', format: 'millis' }, dimensionsSpec: { dimensions: ['city'] } });
    expect(csv({ value: '1700000000000,Oslo\r', timestamp: 0 })).toMatchObject({ kind: 'row', row: { city: 'Oslo\r' } });
    expect(csv({ value: '1700000000000,Oslo\r\n', timestamp: 0 })).toMatchObject({ kind: 'row', row: { city: 'Oslo' } });
  });

  it('turns every non-metric field into a string dimension when no dimensions are listed', () => {
    const parse = createRowParser({
      inputFormat: { type: 'json' },
      timestampSpec: { column: 'time', format: 'iso' },
      dimensionsSpec: { dimensions: [], dimensionExclusions: ['secret'] },
      metricsSpec: [{ type: 'longSum', name: 'latency_sum', fieldName: 'latencyMs' }],
    });
    const result = parse({ value: '{"time":"2020-03-19T09:57:58Z","url":"/a","n":5,"secret":"x","latencyMs":9}', timestamp: 0 });
    expect(result).toEqual({ kind: 'row', row: { __time: Date.parse('2020-03-19T09:57:58Z'), url: '/a', n: '5', latency_sum: 9 }, input: expect.anything() });
  });

  it('types discovered columns with useSchemaDiscovery', () => {
    const spec: IngestSpec = { inputFormat: { type: 'json' }, timestampSpec: { column: 't', format: 'millis' }, dimensionsSpec: { useSchemaDiscovery: true } };
    const result = createRowParser(spec)({ value: '{"t":1,"s":"x","l":3,"d":1.5,"o":{"a":1},"arr":["p","q"],"b":true}', timestamp: 0 });
    if (result.kind !== 'row') throw new Error(result.reason);
    expect(result.row).toEqual({ __time: 1, s: 'x', l: 3, d: 1.5, o: { a: 1 }, arr: ['p', 'q'], b: 'true' });
    expect(describeColumns(spec, result.row).map((c) => `${c.name}:${c.type}`)).toEqual([
      '__time:LONG', 's:STRING', 'l:LONG', 'd:DOUBLE', 'o:COMPLEX<json>', 'arr:ARRAY<STRING>', 'b:STRING',
    ]);
  });

  it('reports unparseable records and bad timestamps, using missingValue when the time is absent', () => {
    const parse = createRowParser({ inputFormat: { type: 'json' }, timestampSpec: { column: 'time', format: 'iso', missingValue: '2010-01-01T00:00:00Z' }, dimensionsSpec: { dimensions: ['a'] } });
    expect(parse({ value: '{"a": ', timestamp: 0 })).toMatchObject({ kind: 'unparseable', reason: expect.stringContaining('Unable to parse row [{"a": ]') });
    expect(parse({ value: '{"time":"later","a":"x","o":{"p":1},"n":null,"l":[1,2]}', timestamp: 0 })).toMatchObject({
      kind: 'unparseable',
      reason: 'Timestamp[later] is unparseable! Event: {time=later, a=x, l=[1, 2]}',
    });
    // An empty time is no missing time: Druid cannot read it, missingValue or not.
    expect(parse({ value: '{"time":"","a":"x"}', timestamp: 0 })).toMatchObject({ kind: 'unparseable', reason: 'Timestamp[] is unparseable! Event: {time=, a=x}' });
    expect(parse({ value: '{"a":"x"}', timestamp: 0 })).toMatchObject({ kind: 'row', row: { __time: Date.parse('2010-01-01T00:00:00Z') } });
    expect(parse({ value: '', timestamp: 0 })).toMatchObject({ kind: 'unparseable' });
    // A tombstone never reaches Druid's readers: thrown away, not a parse error.
    expect(parse({ value: null, timestamp: 0 })).toEqual({ kind: 'thrownAway', reason: 'Record has no value (a tombstone)' });
  });

  it('throws away rows the filter, the message time bounds or the intervals reject', () => {
    const parse = createRowParser({
      inputFormat: { type: 'json' },
      timestampSpec: { column: 't', format: 'millis' },
      dimensionsSpec: { dimensions: ['country'] },
      transformSpec: { filter: { type: 'not', field: { type: 'selector', dimension: 'country', value: 'XX' } } },
      granularitySpec: { intervals: ['2000-01-01/2100-01-01'] },
      messageTimeBounds: { minimum: Date.parse('2024-01-01T00:00:00Z') },
    });
    expect(parse({ value: `{"t":${Date.parse('2024-02-01T00:00:00Z')},"country":"XX"}`, timestamp: 0 })).toMatchObject({ kind: 'thrownAway', reason: 'Row was filtered out by transformSpec.filter' });
    expect(parse({ value: `{"t":${Date.parse('2023-02-01T00:00:00Z')},"country":"NO"}`, timestamp: 0 })).toMatchObject({ kind: 'thrownAway', reason: expect.stringContaining('before the earliest accepted') });
    expect(parse({ value: `{"t":${Date.parse('2124-02-01T00:00:00Z')},"country":"NO"}`, timestamp: 0 })).toMatchObject({ kind: 'thrownAway', reason: expect.stringContaining('outside granularitySpec.intervals') });
    expect(parse({ value: `{"t":${Date.parse('2024-02-01T00:00:00Z')},"country":"NO"}`, timestamp: 0 })).toMatchObject({ kind: 'row' });
  });

  it('stores values that do not fit their column as null and says so (processedWithError)', () => {
    const parse = createRowParser({
      inputFormat: { type: 'json' },
      timestampSpec: { column: 't', format: 'millis' },
      dimensionsSpec: { dimensions: [{ name: 'qty', type: 'long' }] },
      metricsSpec: [{ type: 'doubleSum', name: 'price', fieldName: 'price' }],
    });
    expect(parse({ value: '{"t":1,"qty":"many","price":"n/a"}', timestamp: 0 })).toMatchObject({
      kind: 'row',
      row: { __time: 1, qty: null, price: null },
      columnErrors: ['Could not convert value [many] to long for dimension [qty]', 'Could not read value [n/a] of field [price] for metric [price]'],
    });
    expect(parse({ value: '{"t":1,"qty":"7"}', timestamp: 0 })).not.toHaveProperty('columnErrors');
  });

  it('applies expression transforms before the filter, including one on __time', () => {
    const parse = createRowParser({
      inputFormat: { type: 'json' },
      timestampSpec: { column: 't', format: 'posix' },
      dimensionsSpec: { dimensions: ['name', 'country'] },
      transformSpec: {
        transforms: [
          { type: 'expression', name: 'name', expression: "concat(first, ' ', last)" },
          { type: 'expression', name: 'country', expression: 'upper(country)' },
          { type: 'expression', name: '__time', expression: '__time + 1000' },
        ],
        filter: { type: 'selector', dimension: 'country', value: 'NO' },
      },
    });
    expect(parse({ value: '{"t":10,"first":"Ada","last":"Lovelace","country":"no"}', timestamp: 0 })).toMatchObject({ kind: 'row', row: { __time: 11_000, name: 'Ada Lovelace', country: 'NO' } });
    expect(parse({ value: '{"t":10,"first":"Ada","last":"Lovelace","country":"se"}', timestamp: 0 })).toMatchObject({ kind: 'thrownAway' });
  });

  it('takes __time from a transform when the timestampSpec names no column (fractional epoch seconds)', () => {
    const parse = createRowParser({
      inputFormat: { type: 'json' },
      timestampSpec: { column: '!!!_no_such_column_!!!', format: 'auto', missingValue: '1970-01-01T00:00:00Z' },
      dimensionsSpec: { dimensions: ['sensor'] },
      transformSpec: { transforms: [{ type: 'expression', name: '__time', expression: "cast(cast(\"ts\", 'DOUBLE') * 1000, 'LONG')" }] },
    });
    expect(parse({ value: '{"ts":1716296400.123,"sensor":"s0"}', timestamp: 0 })).toMatchObject({ kind: 'row', row: { __time: 1716296400123, sensor: 's0' } });
    expect(parse({ value: '{"ts":"1716296400.750","sensor":"s1"}', timestamp: 0 })).toMatchObject({ kind: 'row', row: { __time: 1716296400750 } });
    // No time at all is no row, not a row at the epoch.
    expect(parse({ value: '{"sensor":"s2"}', timestamp: 0 })).toMatchObject({ kind: 'unparseable', reason: expect.stringContaining('The __time transform gave no time') });
  });

  it('reads epoch nanos beyond 2^53 to the exact millisecond', () => {
    const parse = createRowParser({ inputFormat: { type: 'json' }, timestampSpec: { column: 'timestamp', format: 'nano' }, dimensionsSpec: { dimensions: ['service'] } });
    expect(parse({ value: '{"timestamp":1716296400999123456,"service":"s0"}', timestamp: 0 })).toMatchObject({ kind: 'row', row: { __time: 1716296400999, service: 's0' } });
  });

  it('keeps 64-bit ids exact, as strings or as longs', () => {
    const parse = createRowParser({
      inputFormat: { type: 'json' },
      timestampSpec: { column: 't', format: 'millis' },
      dimensionsSpec: { dimensions: ['tweet_id', { name: 'user_id', type: 'long' }, { name: 'account', type: 'long' }] },
    });
    expect(parse({ value: '{"t":1,"tweet_id":1234567890123456789,"user_id":9223372036854775807,"account":"9007199254740993"}', timestamp: 0 })).toMatchObject({
      kind: 'row',
      row: { __time: 1, tweet_id: '1234567890123456789', user_id: 9223372036854775807n, account: 9007199254740993n },
    });
  });

  it('writes JSON numbers with a fraction or exponent into string dimensions as Druid does (2.0, not 2)', () => {
    const spec = { inputFormat: { type: 'json' }, timestampSpec: { column: 'ts', format: 'iso' }, granularitySpec: { rollup: false } } as const;
    const value = '{"ts":"2026-12-07T10:00:00Z","s":2.0,"t":1e3,"u":12345678.9,"v":0.0001,"y":100,"z":[1.0,2],"nested":{"d":2.0}}';
    const declared = createRowParser({ ...spec, dimensionsSpec: { dimensions: ['s', 't', 'u', 'v', 'y', 'z', { name: 'd', type: 'double' }] } });
    // Druid 33's sampler on this message: s "2.0", t "1000.0", u "1.23456789E7", v "1.0E-4", y "100", z ["1.0","2"].
    expect(declared({ value, timestamp: 0 })).toMatchObject({ row: { s: '2.0', t: '1000.0', u: '1.23456789E7', v: '1.0E-4', y: '100', z: ['1.0', '2'] } });
    const flattened = createRowParser({
      ...spec,
      inputFormat: { type: 'json', flattenSpec: { fields: [{ type: 'path', name: 'nd', expr: '$.nested.d' }] } },
      dimensionsSpec: { dimensions: ['nd', { name: 's', type: 'double' }] },
    });
    expect(flattened({ value, timestamp: 0 })).toMatchObject({ row: { nd: '2.0', s: 2 } });
    // Lists as Druid 33 stores them in a string dimension: none is null, one is that value, null items stay null.
    const lists = createRowParser({ ...spec, dimensionsSpec: { dimensions: ['e', 'o', 'm'] } });
    expect(lists({ value: '{"ts":"2026-12-07T10:00:00Z","e":[],"o":[3.0],"m":[null,"a"]}', timestamp: 0 })).toMatchObject({ row: { e: null, o: '3.0', m: [null, 'a'] } });
    // Discovered string dimensions too; typed discovery keeps numbers.
    expect(createRowParser({ ...spec, dimensionsSpec: { dimensions: [] } })({ value, timestamp: 0 })).toMatchObject({ row: { s: '2.0', y: '100' } });
    expect(createRowParser({ ...spec, dimensionsSpec: { dimensions: [], useSchemaDiscovery: true } })({ value, timestamp: 0 })).toMatchObject({ row: { s: 2, y: 100 } });
  });

  it('reads a record of several lines as several rows with createRecordParser, as Druid 33 does', () => {
    const parse = createRecordParser({ inputFormat: { type: 'csv', columns: ['ts', 'a', 'b'] }, timestampSpec: { column: 'ts', format: 'auto' }, dimensionsSpec: { dimensions: ['a', 'b'] } });
    const rows = (value: string) => parse({ value, timestamp: 0 }).map((result) => (result.kind === 'row' ? [result.row.__time, result.row.a, result.row.b] : result.reason));
    // Each expectation is what Druid 33's sampler answered for the same message.
    expect(rows('2026-12-07T10:00:01Z,a,b\r\n2026-12-07T10:00:02Z,d,e')).toEqual([[1796637601000, 'a', 'b'], [1796637602000, 'd', 'e']]);
    expect(rows('2026-12-07T10:00:01Z,a,b\r2026-12-07T10:00:02Z,d,e')).toEqual([[1796637601000, 'a', 'b\r2026-12-07T10:00:02Z']]);
    expect(rows('2026-12-07T10:00:01Z,a,b\n')).toEqual([[1796637601000, 'a', 'b']]);
    expect(rows('2026-12-07T10:00:01Z,a,b\r')).toEqual([[1796637601000, 'a', 'b\r']]);
    expect(rows('')).toEqual([]);
    expect(rows('2026-12-07T10:00:01Z,a,b\n\n2026-12-07T10:00:02Z,d,e')).toEqual([[1796637601000, 'a', 'b'], 'Timestamp[null] is unparseable! Event: {ts=null} (Line: 2)', [1796637602000, 'd', 'e']]);
    // A quoted field does not span lines: the open quote stays as text, the rest is the next row.
    expect(rows('2026-12-07T10:00:03Z,"multi\nline",x,y')).toEqual([[1796637603000, '"multi', null], 'Timestamp[line"] is unparseable! Event: {ts=line", a=x, b=y} (Line: 2)']);
    // The one-row parser (the preview's) still refuses such a record.
    expect(createRowParser({ inputFormat: { type: 'csv', columns: ['ts', 'a', 'b'] }, timestampSpec: { column: 'ts', format: 'auto' } })({ value: 'x\ny', timestamp: 0 })).toMatchObject({ kind: 'unparseable' });
  });
});
