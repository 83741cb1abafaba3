// Druid SQL functions that DuckDB lacks or spells differently, as DuckDB SQL over the
// time macros in ../duck.ts. Reference: docs/querying/sql-scalar.md and sql-aggregations.md.

import { quoteString, timestampSql } from '../duck';
import { isValidTimeZone, parseInterval, parsePeriod, periodToDuckInterval } from '../time';
import { jodaToPieces, jodaToStrptime } from './joda';

export interface SqlArg {
  /** The argument rewritten to DuckDB SQL. */
  readonly sql: string;
  /** The value when the argument is a single string literal. */
  readonly literal?: string;
  readonly isNullLiteral: boolean;
  /** Offset of the argument in the original query, for error positions. */
  readonly start: number;
}

export interface CallSite {
  readonly name: string;
  readonly args: readonly SqlArg[];
  /** The session's sqlTimeZone. */
  readonly timeZone: string;
  readonly fail: (message: string, at?: number) => never;
}

type Rewrite = (call: CallSite) => string;

const EPOCH_WALL = "TIMESTAMP '1970-01-01'";
// Joda weeks start on Monday; 1970-01-05 is the first Monday after the epoch.
const MONDAY_WALL = "TIMESTAMP '1970-01-05'";

function arity(call: CallSite, min: number, max: number): void {
  if (call.args.length < min || call.args.length > max) {
    const want = min === max ? `${min}` : `${min} to ${max}`;
    call.fail(`Invalid number of arguments to function '${call.name}'. Was expecting ${want} arguments`);
  }
}

function literalArg(call: CallSite, index: number, what: string): string {
  const arg = call.args[index];
  if (arg.literal === undefined) call.fail(`${call.name} ${what} must be a string literal`, arg.start);
  return arg.literal;
}

function zoneArg(call: CallSite, index: number): string {
  const arg = call.args[index];
  if (!arg || arg.isNullLiteral) return call.timeZone;
  const zone = literalArg(call, index, 'time zone');
  if (!isValidTimeZone(zone)) call.fail(`Unknown time zone '${zone}'`, arg.start);
  return zone;
}

function periodArg(call: CallSite, index: number): { interval: string; weeksOnly: boolean } {
  const text = literalArg(call, index, 'period');
  try {
    const p = parsePeriod(text, call.name);
    const weeksOnly = p.weeks > 0 && !p.years && !p.months && !p.days && !p.hours && !p.minutes && !p.seconds && !p.millis;
    return { interval: periodToDuckInterval(p), weeksOnly };
  } catch {
    return call.fail(`${call.name}: '${text}' is not an ISO-8601 period such as 'PT1H' or 'P1D'`, call.args[index].start);
  }
}

export function timeFloorSql(kind: 'floor' | 'ceil', expr: string, interval: string, originWall: string, zone: string): string {
  return `__tr_time_${kind}(${expr}, ${interval}, ${originWall}, ${quoteString(zone)})`;
}

function floorLike(kind: 'floor' | 'ceil'): Rewrite {
  return (call) => {
    arity(call, 2, 4);
    const { interval, weeksOnly } = periodArg(call, 1);
    const zone = zoneArg(call, 3);
    const origin = call.args[2] && !call.args[2].isNullLiteral ? `__tr_wall(${call.args[2].sql}, ${quoteString(zone)})` : weeksOnly ? MONDAY_WALL : EPOCH_WALL;
    return timeFloorSql(kind, call.args[0].sql, interval, origin, zone);
  };
}

const UNITS: Record<string, string> = {
  SECOND: 'second', MINUTE: 'minute', HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month', QUARTER: 'quarter', YEAR: 'year',
};

/** FLOOR(expr TO unit) and CEIL(expr TO unit). */
export function floorToUnitSql(kind: 'floor' | 'ceil', expr: string, unit: string, zone: string, fail: (m: string) => never): string {
  const u = UNITS[unit.toUpperCase()];
  if (!u) fail(`${kind.toUpperCase()} to unit '${unit}' is not supported; use SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER or YEAR`);
  const interval = u === 'quarter' ? "INTERVAL '3 months'" : `INTERVAL '1 ${u}'`;
  return timeFloorSql(kind, expr, interval, u === 'week' ? MONDAY_WALL : EPOCH_WALL, zone);
}

/** A SQL time unit given as a bare word (TIMESTAMPADD(HOUR, ...)) as a one-unit interval. */
function unitInterval(call: CallSite, index: number): string {
  const unit = call.args[index].sql.toUpperCase();
  const u = UNITS[unit];
  if (!u) call.fail(`${call.name} unit '${call.args[index].sql}' is not supported; use SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER or YEAR`, call.args[index].start);
  return u === 'quarter' ? "INTERVAL '3 months'" : `INTERVAL '1 ${u}'`;
}

const EXTRACT_UNITS: Record<string, string> = {
  MICROSECOND: '(date_part(\'microsecond\', W) % 1000000)', MILLISECOND: '(date_part(\'millisecond\', W) % 1000)',
  SECOND: "date_part('second', W)", MINUTE: "date_part('minute', W)", HOUR: "date_part('hour', W)", DAY: "date_part('day', W)",
  DOW: "date_part('isodow', W)", ISODOW: "date_part('isodow', W)", DOY: "date_part('doy', W)", WEEK: "date_part('week', W)",
  MONTH: "date_part('month', W)", QUARTER: "date_part('quarter', W)", YEAR: "date_part('year', W)", ISOYEAR: "date_part('isoyear', W)",
  DECADE: "date_part('decade', W)", CENTURY: "date_part('century', W)", MILLENNIUM: "date_part('millennium', W)",
};

function offsetSql(instant: string, zone: string, colon: boolean): string {
  const minutes = `(CAST(epoch(__tr_wall(${instant}, ${quoteString(zone)})) - epoch(${instant}) AS BIGINT) // 60)`;
  const sep = colon ? "':' || " : '';
  return `(CASE WHEN ${minutes} < 0 THEN '-' ELSE '+' END || lpad(CAST(abs(${minutes}) // 60 AS VARCHAR), 2, '0') || ${sep}lpad(CAST(abs(${minutes}) % 60 AS VARCHAR), 2, '0'))`;
}

function timeFormat(call: CallSite): string {
  arity(call, 1, 3);
  const zone = zoneArg(call, 2);
  const t = call.args[0].sql;
  const wall = `__tr_wall(${t}, ${quoteString(zone)})`;
  if (!call.args[1] || call.args[1].isNullLiteral) {
    // Druid's default is ISODateTimeFormat.dateTime(): 'Z' for UTC, else the offset with a colon.
    const utc = zone === 'UTC' || zone === 'Etc/UTC';
    return `(strftime(${wall}, '%Y-%m-%dT%H:%M:%S.%g') || ${utc ? "'Z'" : offsetSql(t, zone, true)})`;
  }
  const pieces = jodaToPieces(literalArg(call, 1, 'pattern'));
  const parts = pieces.map((p) => ('offset' in p ? offsetSql(t, zone, p.offset === 'colon') : `strftime(${wall}, ${quoteString(p.strftime)})`));
  return parts.length === 1 ? parts[0] : `(${parts.join(' || ')})`;
}

function timeParse(call: CallSite): string {
  arity(call, 1, 3);
  const zone = zoneArg(call, 2);
  const s = call.args[0].sql;
  if (!call.args[1] || call.args[1].isNullLiteral) {
    return zone === 'UTC' ? `__tr_time_parse(${s})` : `coalesce(__tr_unwall(TRY_CAST(${s} AS TIMESTAMP), ${quoteString(zone)}), __tr_time_parse(${s}))`;
  }
  const format = jodaToStrptime(literalArg(call, 1, 'pattern'));
  return `__tr_unwall(try_strptime(${s}, ${quoteString(format)}), ${quoteString(zone)})`;
}

function distinctCount(call: CallSite): string {
  arity(call, 1, 3);
  return `count(DISTINCT ${call.args[0].sql})`;
}

function byTime(fn: 'arg_max' | 'arg_min', explicitTime: boolean): Rewrite {
  return (call) => {
    arity(call, explicitTime ? 2 : 1, explicitTime ? 3 : 2);
    return `${fn}(${call.args[0].sql}, ${explicitTime ? call.args[1].sql : '"__time"'})`;
  };
}

const simple = (fn: string, min: number, max: number): Rewrite => (call) => {
  arity(call, min, max);
  return `${fn}(${call.args.map((a) => a.sql).join(', ')})`;
};

export const FUNCTION_REWRITES: Readonly<Record<string, Rewrite>> = {
  TIME_FLOOR: floorLike('floor'),
  TIME_CEIL: floorLike('ceil'),
  TIME_SHIFT: (call) => {
    arity(call, 3, 4);
    const zone = zoneArg(call, 3);
    return `__tr_time_shift(${call.args[0].sql}, ${periodArg(call, 1).interval}, ${call.args[2].sql}, ${quoteString(zone)})`;
  },
  TIME_EXTRACT: (call) => {
    arity(call, 1, 3);
    const unit = call.args[1] ? literalArg(call, 1, 'unit').toUpperCase() : 'MILLISECOND';
    const zone = zoneArg(call, 2);
    if (unit === 'EPOCH') return `CAST(epoch(${call.args[0].sql}) AS BIGINT)`;
    const template = EXTRACT_UNITS[unit];
    if (!template) call.fail(`TIME_EXTRACT unit '${unit}' is not supported`, call.args[1].start);
    return `CAST(${template.replace('W', `__tr_wall(${call.args[0].sql}, ${quoteString(zone)})`)} AS BIGINT)`;
  },
  TIME_FORMAT: timeFormat,
  TIME_PARSE: timeParse,
  TIME_IN_INTERVAL: (call) => {
    arity(call, 2, 2);
    const text = literalArg(call, 1, 'interval');
    let interval;
    try { interval = parseInterval(text, 'TIME_IN_INTERVAL'); } catch { return call.fail(`TIME_IN_INTERVAL: '${text}' is not an ISO-8601 interval`, call.args[1].start); }
    const t = call.args[0].sql;
    return `(${t} >= ${timestampSql(interval.startMs)} AND ${t} < ${timestampSql(interval.endMs)})`;
  },
  MILLIS_TO_TIMESTAMP: (call) => { arity(call, 1, 1); return `epoch_ms(CAST(${call.args[0].sql} AS BIGINT))`; },
  TIMESTAMP_TO_MILLIS: (call) => { arity(call, 1, 1); return `epoch_ms(${call.args[0].sql})`; },
  APPROX_COUNT_DISTINCT: distinctCount,
  APPROX_COUNT_DISTINCT_BUILTIN: distinctCount,
  APPROX_COUNT_DISTINCT_DS_HLL: distinctCount,
  APPROX_COUNT_DISTINCT_DS_THETA: distinctCount,
  LATEST: byTime('arg_max', false),
  EARLIEST: byTime('arg_min', false),
  LATEST_BY: byTime('arg_max', true),
  EARLIEST_BY: byTime('arg_min', true),
  // Druid's CONCAT is null when any argument is null (SQL-compatible null handling).
  CONCAT: (call) => `(${call.args.map((a) => `CAST(${a.sql} AS VARCHAR)`).join(' || ')})`,
  TEXTCAT: (call) => { arity(call, 2, 2); return `(CAST(${call.args[0].sql} AS VARCHAR) || CAST(${call.args[1].sql} AS VARCHAR))`; },
  STRLEN: simple('length', 1, 1),
  NVL: simple('coalesce', 2, 2),
  CONTAINS_STRING: simple('contains', 2, 2),
  ICONTAINS_STRING: (call) => { arity(call, 2, 2); return `contains(lower(${call.args[0].sql}), lower(${call.args[1].sql}))`; },
  REGEXP_LIKE: simple('regexp_matches', 2, 2),
  LOOKUP: (call) => call.fail('LOOKUP is not supported by the local engine: it has no lookups'),
  TIMESTAMPADD: (call) => {
    arity(call, 3, 3);
    return `(${call.args[2].sql} + ${unitInterval(call, 0)} * (${call.args[1].sql}))`;
  },
  TIMESTAMPDIFF: (call) => {
    arity(call, 3, 3);
    unitInterval(call, 0);
    return `date_diff(${quoteString(call.args[0].sql.toLowerCase())}, ${call.args[1].sql}, ${call.args[2].sql})`;
  },
  SAFE_DIVIDE: (call) => {
    arity(call, 2, 2);
    return `(CASE WHEN (${call.args[1].sql}) = 0 THEN NULL ELSE (${call.args[0].sql}) / (${call.args[1].sql}) END)`;
  },
  DIV: (call) => { arity(call, 2, 2); return `((${call.args[0].sql}) // (${call.args[1].sql}))`; },
  JSON_VALUE: simple('json_extract_string', 2, 2),
  JSON_QUERY: simple('json_extract', 2, 2),
  JSON_KEYS: simple('json_keys', 2, 2),
};
