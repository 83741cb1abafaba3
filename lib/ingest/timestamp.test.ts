import { describe, expect, it } from 'vitest';
import { checkJodaPattern, parseTimestamp } from './timestamp';

const at = (iso: string) => Date.parse(iso);

describe('parseTimestamp', () => {
  it('reads ISO-8601 with Z, offsets, fractions, and no zone as UTC', () => {
    expect(parseTimestamp('2020-03-19T09:57:58Z', 'iso')).toBe(at('2020-03-19T09:57:58Z'));
    expect(parseTimestamp('2020-03-19T09:57:58.123+02:00', 'iso')).toBe(at('2020-03-19T07:57:58.123Z'));
    expect(parseTimestamp('2020-03-19T09:57:58', 'iso')).toBe(at('2020-03-19T09:57:58Z'));
    expect(parseTimestamp('2020-03-19', 'iso')).toBe(at('2020-03-19T00:00:00Z'));
    expect(parseTimestamp('2016-06-27T00:00:11.080123Z', 'iso')).toBe(at('2016-06-27T00:00:11.080Z'));
  });

  it('rejects values that are not the declared format', () => {
    expect(parseTimestamp('yesterday', 'iso')).toBeNull();
    expect(parseTimestamp('2020-02-30T00:00:00Z', 'iso')).toBeNull();
    expect(parseTimestamp('abc', 'millis')).toBeNull();
    expect(parseTimestamp(null, 'auto')).toBeNull();
    expect(parseTimestamp('', 'iso')).toBeNull();
  });

  it('reads epoch millis, seconds, micros and nanos, as numbers or strings', () => {
    expect(parseTimestamp('1559736155453', 'millis')).toBe(1559736155453);
    expect(parseTimestamp(1559736155453, 'millis')).toBe(1559736155453);
    expect(parseTimestamp(1666391360, 'posix')).toBe(1666391360000);
    expect(parseTimestamp('1666391360', 'posix')).toBe(1666391360000);
    expect(parseTimestamp(1666391360123456, 'micro')).toBe(1666391360123);
    expect(parseTimestamp('1666391360123456789', 'nano')).toBe(1666391360123);
  });

  it('reads epoch nanos and micros beyond 2^53 exactly, whether JSON gave a bigint or text', () => {
    expect(parseTimestamp(1716296400000123456n, 'nano')).toBe(1716296400000);
    expect(parseTimestamp(1716296400999999999n, 'nano')).toBe(1716296400999);
    expect(parseTimestamp('1716296400999999999', 'nano')).toBe(1716296400999);
    expect(parseTimestamp(9007199254740993123n, 'micro')).toBe(9007199254740993);
    expect(parseTimestamp('"1716296400123"', 'millis')).toBe(1716296400123);
  });

  it('follows Druid on fractions: a number is truncated to whole units, text must be an integer', () => {
    expect(parseTimestamp(1716296400.987, 'posix')).toBe(1716296400000);
    expect(parseTimestamp(1716296400987.9, 'millis')).toBe(1716296400987);
    expect(parseTimestamp(1716296400987.9, 'auto')).toBe(1716296400987);
    expect(parseTimestamp('1716296400.5', 'posix')).toBeNull();
    expect(parseTimestamp('1716296400.5', 'auto')).toBeNull();
    expect(parseTimestamp('99999999999999999999', 'millis')).toBeNull();
    expect(parseTimestamp(true, 'millis')).toBeNull();
    // ruby keeps the milliseconds of fractional seconds.
    expect(parseTimestamp(1716296400.987, 'ruby')).toBe(1716296400987);
    expect(parseTimestamp('1716296400.5', 'ruby')).toBe(1716296400500);
  });

  it('reads a number through its text for a Joda pattern, as Druid does', () => {
    expect(parseTimestamp(20240130, 'yyyyMMdd')).toBe(at('2024-01-30T00:00:00Z'));
  });

  it('auto treats digits as millis and anything else as ISO', () => {
    expect(parseTimestamp('1559736155453', 'auto')).toBe(1559736155453);
    expect(parseTimestamp('2020-03-19T16:57:59Z', 'auto')).toBe(at('2020-03-19T16:57:59Z'));
    expect(parseTimestamp('2020-03-19 16:57:59', 'auto')).toBe(at('2020-03-19T16:57:59Z'));
  });

  it('reads Joda patterns', () => {
    expect(parseTimestamp('2024-01-30 21:21:41', 'yyyy-MM-dd HH:mm:ss')).toBe(at('2024-01-30T21:21:41Z'));
    expect(parseTimestamp('10/Oct/2000:13:55:36 -0700', 'dd/MMM/yyyy:HH:mm:ss Z')).toBe(at('2000-10-10T20:55:36Z'));
    expect(parseTimestamp('2024-01-30T21:21:41.250+01:00', "yyyy-MM-dd'T'HH:mm:ss.SSSZZ")).toBe(at('2024-01-30T20:21:41.250Z'));
    expect(parseTimestamp('01/30/2024 09:05 PM', 'MM/dd/yyyy hh:mm a')).toBe(at('2024-01-30T21:05:00Z'));
    expect(parseTimestamp('12/30/2024 12:05 AM', 'MM/dd/yyyy hh:mm a')).toBe(at('2024-12-30T00:05:00Z'));
    expect(parseTimestamp('Tue, 30 January 2024', 'EEE, d MMMM yyyy')).toBe(at('2024-01-30T00:00:00Z'));
    expect(parseTimestamp('20240130', 'yyyyMMdd')).toBe(at('2024-01-30T00:00:00Z'));
    expect(parseTimestamp('30.01.24', 'dd.MM.yy')).toBe(at('2024-01-30T00:00:00Z'));
  });

  it('does not match a Joda pattern against text of another shape', () => {
    expect(parseTimestamp('2024/01/30', 'yyyy-MM-dd')).toBeNull();
    expect(parseTimestamp('10/Foo/2000:13:55:36 -0700', 'dd/MMM/yyyy:HH:mm:ss Z')).toBeNull();
  });

  it('names a pattern letter it cannot parse', () => {
    expect(() => checkJodaPattern('yyyy-ww')).toThrow('uses "ww"');
    expect(() => checkJodaPattern("yyyy 'T")).toThrow('unterminated quote');
  });
});
