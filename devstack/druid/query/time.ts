// ISO-8601 instants, periods and intervals as Druid reads them: instants without a zone are
// UTC (Druid's default druid.indexer.timezone), and intervals may be start/end, start/period
// or period/end, with date-only forms such as "2018-06-02/2019-06-06".

import { invalidQuery } from './errors';

/** JS Date's limits; Druid's ETERNITY bounds are clamped to them. */
const MIN_MS = -8.64e15;
const MAX_MS = 8.64e15;

export interface Interval {
  readonly startMs: number;
  readonly endMs: number;
}

export interface Period {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  readonly millis: number;
}

const INSTANT = /^([+-]?\d{4,9})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,3}))?S)?)?$/;

export function parseInstant(text: string, where: string): number {
  const m = INSTANT.exec(text.trim());
  if (!m) throw invalidQuery(`${where}: "${text}" is not an ISO-8601 instant`);
  const [, y, mo = '1', d = '1', h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const year = Number(y);
  if (year > 275000) return MAX_MS;
  if (year < -271000) return MIN_MS;
  const date = new Date(0);
  date.setUTCFullYear(year, Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
  let ms = date.getTime();
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
  }
  if (Number.isNaN(ms)) throw invalidQuery(`${where}: "${text}" is not a valid date`);
  return Math.min(MAX_MS, Math.max(MIN_MS, ms));
}

export function parsePeriod(text: string, where: string): Period {
  const m = PERIOD.exec(text.trim().toUpperCase());
  if (!m || text.trim().length < 3) throw invalidQuery(`${where}: "${text}" is not an ISO-8601 period such as "P1D" or "PT15M"`);
  const n = (i: number) => Number(m[i] ?? '0');
  return {
    years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7),
    millis: Number((m[8] ?? '0').padEnd(3, '0')),
  };
}

/** Adds a period to an instant, counting calendar fields in UTC as Joda does for ISO chronology. */
export function addPeriod(ms: number, p: Period, times = 1): number {
  const d = new Date(ms);
  if (p.years || p.months) d.setUTCMonth(d.getUTCMonth() + times * (p.years * 12 + p.months));
  if (p.weeks || p.days) d.setUTCDate(d.getUTCDate() + times * (p.weeks * 7 + p.days));
  return d.getTime() + times * (((p.hours * 60 + p.minutes) * 60 + p.seconds) * 1000 + p.millis);
}

/** A rough length, used only to pick generation steps; calendar periods vary. */
export function nominalPeriodMs(p: Period): number {
  const DAY = 86_400_000;
  return (p.years * 365 + p.months * 30 + p.weeks * 7 + p.days) * DAY + (((p.hours * 60 + p.minutes) * 60 + p.seconds) * 1000 + p.millis);
}

/** DuckDB INTERVAL text for a period; DuckDB cannot cast ISO-8601 period strings itself. */
export function periodToDuckInterval(p: Period): string {
  const parts: string[] = [];
  const add = (n: number, unit: string) => { if (n) parts.push(`${n} ${unit}`); };
  add(p.years, 'years'); add(p.months, 'months'); add(p.weeks * 7 + p.days, 'days');
  add(p.hours, 'hours'); add(p.minutes, 'minutes'); add(p.seconds * 1000 + p.millis, 'milliseconds');
  return `INTERVAL '${parts.join(' ') || '0 days'}'`;
}

export function parseInterval(text: string, where: string): Interval {
  const parts = text.split('/');
  if (parts.length !== 2) throw invalidQuery(`${where}: "${text}" is not an ISO-8601 interval such as "2020-01-01/2020-01-02"`);
  const [a, b] = parts;
  let startMs: number;
  let endMs: number;
  if (/^P/i.test(a)) {
    endMs = parseInstant(b, where);
    startMs = addPeriod(endMs, parsePeriod(a, where), -1);
  } else if (/^P/i.test(b)) {
    startMs = parseInstant(a, where);
    endMs = addPeriod(startMs, parsePeriod(b, where));
  } else {
    startMs = parseInstant(a, where);
    endMs = parseInstant(b, where);
  }
  if (endMs < startMs) throw invalidQuery(`${where}: interval "${text}" ends before it starts`);
  return { startMs, endMs };
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoInterval(i: Interval): string {
  return `${isoTime(i.startMs)}/${isoTime(i.endMs)}`;
}

/** Sorts and merges overlapping or touching intervals, as Druid condenses them. */
export function condenseIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((x, y) => x.startMs - y.startMs);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.startMs <= last.endMs) out[out.length - 1] = { startMs: last.startMs, endMs: Math.max(last.endMs, i.endMs) };
    else out.push(i);
  }
  return out;
}

/** "2019-06-05T16:00:00.000+08:00" style text for an instant seen in a time zone. */
export function isoTimeInZone(ms: number, timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return isoTime(ms);
  const offsetMin = zoneOffsetMinutes(ms, timeZone);
  const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, -1);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
