import { describe, expect, it } from 'vitest';
import { compileJavaRegex, matchRegexLine } from './regex';
import { createRowParser } from './row-parser';

// The combined log format pattern lib/infer writes for access logs.
const COMBINED = '^(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] "(\\S+) (\\S+) ?(\\S*)" (\\d{3}) (\\d+|-) "([^"]*)" "([^"]*)".*$';
const COLUMNS = ['remote_addr', 'ident', 'remote_user', 'time_local', 'method', 'path', 'protocol', 'status', 'bytes', 'referer', 'user_agent'];
const LINE = '203.0.113.9 - alice [21/May/2024:13:00:00 +0200] "GET /cart?id=7 HTTP/1.1" 200 5120 "https://shop.example/" "curl/8.5.0"';

describe('the regex inputFormat', () => {
  const parse = createRowParser({
    inputFormat: { type: 'regex', pattern: COMBINED, columns: COLUMNS },
    timestampSpec: { column: 'time_local', format: 'dd/MMM/yyyy:HH:mm:ss Z' },
    dimensionsSpec: { dimensions: ['remote_addr', 'remote_user', 'method', 'path', { name: 'status', type: 'long' }, 'user_agent'] },
    metricsSpec: [{ type: 'count', name: 'count' }, { type: 'longSum', name: 'sum_bytes', fieldName: 'bytes' }],
  });

  it('reads an access log line into its columns, time and metrics', () => {
    expect(parse({ value: LINE, timestamp: 0 })).toMatchObject({
      kind: 'row',
      row: { __time: Date.parse('2024-05-21T11:00:00Z'), remote_addr: '203.0.113.9', remote_user: 'alice', method: 'GET', path: '/cart?id=7', status: 200, user_agent: 'curl/8.5.0', count: 1, sum_bytes: 5120 },
    });
  });

  it('keeps a dash as the text Druid reads, so a dash in a long metric is a processing error', () => {
    const result = parse({ value: LINE.replace(' alice ', ' - ').replace(' 5120 ', ' - '), timestamp: 0 });
    expect(result).toMatchObject({ kind: 'row', row: { remote_user: '-', sum_bytes: null }, columnErrors: ['Could not read value [-] of field [bytes] for metric [sum_bytes]'] });
  });

  it('counts a line the pattern does not match as unparseable, in Druid words', () => {
    expect(parse({ value: 'GET / 200', timestamp: 0 })).toEqual({ kind: 'unparseable', reason: `Unable to parse row [GET / 200]: Incorrect Regex: ${COMBINED} . No match found.` });
  });

  it('runs inside the kafka inputFormat with the record time', () => {
    const lines = createRowParser({
      inputFormat: { type: 'kafka', valueFormat: { type: 'regex', pattern: '^(.*)$', columns: ['line'] } },
      timestampSpec: { column: 'kafka.timestamp', format: 'millis' },
      dimensionsSpec: { dimensions: ['line'] },
    });
    expect(lines({ value: 'user 7 said hello', timestamp: 1_716_296_400_000 })).toMatchObject({ kind: 'row', row: { __time: 1_716_296_400_000, line: 'user 7 said hello' } });
  });
});

describe('matchRegexLine', () => {
  it('must match the whole line, as Java matches() does', () => {
    expect(matchRegexLine('abc 12 tail', '(\\w+) (\\d+)', ['word', 'n'])).toBeNull();
    expect(matchRegexLine('abc 12', '(\\w+) (\\d+)', ['word', 'n'])).toEqual({ word: 'abc', n: '12' });
  });

  it('names columns column_1... when none are given, and zips up to the shorter list', () => {
    expect(matchRegexLine('a=1', '(\\w)=(\\d)', undefined)).toEqual({ column_1: 'a', column_2: '1' });
    expect(matchRegexLine('a=1', '(\\w)=(\\d)', ['key'])).toEqual({ key: 'a' });
  });

  it('reads an unmatched optional group as null and splits on the list delimiter', () => {
    expect(matchRegexLine('x', '(x)(y)?', ['a', 'b'])).toEqual({ a: 'x', b: null });
    expect(matchRegexLine('x=', '(x)=(\\d*)', ['a', 'b'])).toEqual({ a: 'x', b: '' });
    expect(matchRegexLine('tags=a|b|c', 'tags=(.*)', ['tags'], '|')).toEqual({ tags: ['a', 'b', 'c'] });
    expect(matchRegexLine('tags=a\u0001b', 'tags=(.*)', ['tags'])).toEqual({ tags: ['a', 'b'] });
  });

  it('reads Java anchors and leading flags the way Java does', () => {
    expect(matchRegexLine('GET /', '\\AGET (\\S+)\\z', ['path'])).toEqual({ path: '/' });
    expect(matchRegexLine('GET /', 'GET (\\S+)\\Z', ['path'])).toEqual({ path: '/' });
    expect(matchRegexLine('get /', '(?i)(GET) (\\S+)', ['m', 'path'])).toEqual({ m: 'get', path: '/' });
  });
});

describe('compileJavaRegex', () => {
  it('counts capture groups, named ones included, but not non-capturing ones', () => {
    expect(compileJavaRegex('(?<ip>\\S+) (?:-) (\\d+)').groupCount).toBe(2);
  });

  it('refuses Java syntax that would match something else here', () => {
    expect(() => compileJavaRegex('\\h+(\\d+)')).toThrow('"\\h"');
    expect(() => compileJavaRegex('(\\d++)')).toThrow('pattern cannot be read');
    expect(() => compileJavaRegex('(?>a)')).toThrow('atomic group');
  });
});
