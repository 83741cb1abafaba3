import { describe, expect, it } from 'vitest';
import { addPeriod, condenseIntervals, isoTimeInZone, parseInstant, parseInterval, parsePeriod, periodToDuckInterval } from './time';

describe('intervals', () => {
  it('reads date-only intervals as UTC midnights', () => {
    const i = parseInterval('2018-06-02/2019-06-06', 'intervals[0]');
    expect(new Date(i.startMs).toISOString()).toBe('2018-06-02T00:00:00.000Z');
    expect(new Date(i.endMs).toISOString()).toBe('2019-06-06T00:00:00.000Z');
  });

  it('reads local date-times without a zone as UTC and honours offsets', () => {
    expect(parseInstant('2020-03-13T00:00:00.000', 'x')).toBe(Date.UTC(2020, 2, 13));
    expect(parseInstant('2020-03-13T08:00:00+08:00', 'x')).toBe(Date.UTC(2020, 2, 13));
  });

  it('reads start/period and period/end forms', () => {
    const a = parseInterval('2020-01-31/P1M', 'i');
    expect(new Date(a.endMs).toISOString()).toBe('2020-03-02T00:00:00.000Z');
    const b = parseInterval('PT1H/2020-01-01T00:00:00Z', 'i');
    expect(new Date(b.startMs).toISOString()).toBe('2019-12-31T23:00:00.000Z');
  });

  it('names the bad value and where it was', () => {
    expect(() => parseInterval('yesterday', 'intervals[1]')).toThrow('intervals[1]: "yesterday" is not an ISO-8601 interval');
    expect(() => parseInterval('2020-01-02/2020-01-01', 'intervals[0]')).toThrow('ends before it starts');
  });

  it('clamps Druid ETERNITY bounds instead of failing', () => {
    const i = parseInterval('-146136543-09-08T08:23:32.096Z/146140482-04-24T15:36:27.903Z', 'i');
    expect(i.startMs).toBeLessThan(0);
    expect(i.endMs).toBeGreaterThan(Date.UTC(9999, 0));
  });

  it('condenses overlapping intervals', () => {
    expect(condenseIntervals([{ startMs: 5, endMs: 9 }, { startMs: 0, endMs: 5 }, { startMs: 20, endMs: 30 }])).toEqual([
      { startMs: 0, endMs: 9 },
      { startMs: 20, endMs: 30 },
    ]);
  });
});

describe('periods', () => {
  it('parses calendar and clock fields and renders a DuckDB interval', () => {
    const p = parsePeriod('P1Y2M3DT4H5M6.5S', 'p');
    expect(p).toMatchObject({ years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6, millis: 500 });
    expect(periodToDuckInterval(parsePeriod('PT15M', 'p'))).toBe("INTERVAL '15 minutes'");
    expect(addPeriod(Date.UTC(2020, 0, 1), parsePeriod('P1W', 'p'))).toBe(Date.UTC(2020, 0, 8));
  });

  it('rejects what is not a period', () => {
    expect(() => parsePeriod('1 day', 'granularity.period')).toThrow('granularity.period: "1 day" is not an ISO-8601 period');
  });
});

describe('isoTimeInZone', () => {
  it('writes the wall-clock time with its offset', () => {
    expect(isoTimeInZone(Date.UTC(2019, 5, 4, 16), 'Asia/Shanghai')).toBe('2019-06-05T00:00:00.000+08:00');
    expect(isoTimeInZone(Date.UTC(2019, 5, 4, 16), 'UTC')).toBe('2019-06-04T16:00:00.000Z');
  });
});
