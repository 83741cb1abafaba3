// Druid's timestampSpec formats: iso, auto, millis, posix, micro, nano, and Joda-Time patterns.
// https://druid.apache.org/docs/latest/ingestion/ingestion-spec#timestampspec

const ISO_PATTERN =
  /^([+-]?\d{4,6})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

export const NAMED_TIMESTAMP_FORMATS = ['iso', 'auto', 'millis', 'posix', 'micro', 'nano', 'ruby'] as const;

/** Parses an ISO-8601 date-time; a value without a zone is UTC, as Druid reads it. */
export function parseIso(text: string): number | null {
  const match = ISO_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000 + 1e-9) : 0;
  const base = utc(Number(year), Number(month ?? 1), Number(day ?? 1), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), ms);
  if (base === null) return null;
  return base - zoneOffsetMs(zone);
}

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  // Reject dates that rolled over, such as February 30th.
  if (date.getUTCDate() !== day && hour !== 24) return null;
  return date.getTime();
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);
const DOUBLE_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Java's Long.parseLong: a sign and digits that fit 64 bits, nothing else (no fraction, no spaces). */
function parseLong(text: string): bigint | null {
  if (!/^[+-]?\d+$/.test(text)) return null;
  const long = BigInt(text);
  return long > LONG_MAX || long < LONG_MIN ? null : long;
}

/** Java's Number.longValue(): a double truncates toward zero; a bigint is already exact. */
function longValue(value: number | bigint): bigint | null {
  if (typeof value === 'bigint') return value;
  return Number.isFinite(value) ? BigInt(Math.trunc(value)) : null;
}

/** Epoch millis from a 64-bit count in the format's unit, truncated as Java's TimeUnit does. */
function millisFromLong(long: bigint | null, format: string): number | null {
  if (long === null) return null;
  switch (format) {
    case 'posix':
      return Number(long * 1000n);
    case 'micro':
      return Number(long / 1000n);
    case 'nano':
      return Number(long / 1_000_000n);
    default:
      return Number(long);
  }
}

/** Druid's ParserUtils.stripQuotes: trims, then drops one pair of surrounding double quotes. */
function stripQuotes(text: string): string {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
}

/**
 * Reads a timestamp value with a timestampSpec format. Returns epoch milliseconds, or null when
 * the value does not match the format (the caller decides whether that makes a row unparseable).
 * Follows Druid's TimestampParser: a JSON number in a numeric format is truncated to a long
 * first (so fractional seconds are dropped), text in a numeric format must be an integer, and
 * 64-bit values (epoch nanos) are read exactly.
 */
export function parseTimestamp(value: unknown, format: string = 'auto'): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (format === 'ruby') return Number.isFinite(Number(value)) ? Math.trunc(Number(value) * 1000) : null;
    if (format === 'auto' || format === 'millis' || format === 'posix' || format === 'micro' || format === 'nano') return millisFromLong(longValue(value), format);
  }
  if (typeof value === 'object' || typeof value === 'function' || typeof value === 'symbol') return null;
  // Druid reads anything else through its text: String(value) is Java's toString().
  const text = String(value);
  switch (format) {
    case 'millis':
    case 'posix':
    case 'micro':
    case 'nano':
      return millisFromLong(parseLong(stripQuotes(text)), format);
    case 'ruby': {
      const seconds = stripQuotes(text);
      return DOUBLE_TEXT.test(seconds) ? Math.trunc(Number(seconds) * 1000) : null;
    }
    case 'iso':
      return parseIso(stripQuotes(text));
    case 'auto':
      // Druid's auto format: all-digit text is epoch millis, anything else is ISO.
      return /^\d+$/.test(text) ? millisFromLong(parseLong(text), 'millis') : parseIso(stripQuotes(text));
    default:
      return compileJodaPattern(format)(stripQuotes(text));
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

type Setter = (parts: JodaParts, text: string) => void;

interface JodaParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  pm: boolean | null;
  offsetMs: number;
}

interface CompiledPattern {
  readonly regex: RegExp;
  readonly setters: readonly Setter[];
}

const compiled = new Map<string, (text: string) => number | null>();

/** Builds a parser for a Joda-Time pattern such as `yyyy-MM-dd HH:mm:ss` or `dd/MMM/yyyy:HH:mm:ss Z`. */
export function compileJodaPattern(pattern: string): (text: string) => number | null {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  const { regex, setters } = compilePattern(pattern);
  const parse = (text: string): number | null => {
    const match = regex.exec(text.trim());
    if (!match) return null;
    const parts: JodaParts = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millis: 0, pm: null, offsetMs: 0 };
    setters.forEach((set, i) => set(parts, match[i + 1]));
    let hour = parts.hour;
    if (parts.pm !== null) hour = (hour % 12) + (parts.pm ? 12 : 0);
    const base = utc(parts.year, parts.month, parts.day, hour, parts.minute, parts.second, parts.millis);
    return base === null ? null : base - parts.offsetMs;
  };
  compiled.set(pattern, parse);
  return parse;
}

/** Throws an Error naming the first letter of the pattern the engine cannot read. */
export function checkJodaPattern(pattern: string): void {
  compilePattern(pattern);
}

function compilePattern(pattern: string): CompiledPattern {
  let source = '^';
  const setters: Setter[] = [];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    if (char === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        source += "'";
        i += 2;
        continue;
      }
      if (end < 0) throw new Error(`unterminated quote in timestamp pattern "${pattern}"`);
      source += escapeRegex(pattern.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(char)) {
      source += escapeRegex(char);
      i += 1;
      continue;
    }
    let count = 1;
    while (pattern[i + count] === char) count += 1;
    const token = tokenFor(char, count, pattern);
    source += `(${token.regex})`;
    setters.push(token.set);
    i += count;
  }
  return { regex: new RegExp(`${source}$`, 'i'), setters };
}

function tokenFor(char: string, count: number, pattern: string): { regex: string; set: Setter } {
  const digits = (min: number, max: number) => `\\d{${min},${max}}`;
  switch (char) {
    case 'y':
    case 'Y':
    case 'u':
      return count === 2
        ? { regex: digits(2, 2), set: (p, t) => (p.year = 2000 + Number(t) - (Number(t) >= 50 ? 100 : 0)) }
        : { regex: `[+-]?${digits(count, 9)}`, set: (p, t) => (p.year = Number(t)) };
    case 'M':
      if (count >= 4) return { regex: MONTH_NAMES.join('|'), set: (p, t) => (p.month = MONTH_NAMES.indexOf(t.toLowerCase()) + 1) };
      if (count === 3) return { regex: MONTHS.join('|'), set: (p, t) => (p.month = MONTHS.indexOf(t.toLowerCase()) + 1) };
      return { regex: digits(count, 2), set: (p, t) => (p.month = Number(t)) };
    case 'd':
      return { regex: digits(count, 2), set: (p, t) => (p.day = Number(t)) };
    case 'H':
    case 'k':
      return { regex: digits(count, 2), set: (p, t) => (p.hour = Number(t) % 24) };
    case 'h':
    case 'K':
      return { regex: digits(count, 2), set: (p, t) => (p.hour = Number(t)) };
    case 'm':
      return { regex: digits(count, 2), set: (p, t) => (p.minute = Number(t)) };
    case 's':
      return { regex: digits(count, 2), set: (p, t) => (p.second = Number(t)) };
    case 'S':
      return { regex: digits(count, 9), set: (p, t) => (p.millis = Math.floor(Number(`0.${t}`) * 1000 + 1e-9)) };
    case 'a':
      return { regex: 'AM|PM', set: (p, t) => (p.pm = t.toUpperCase() === 'PM') };
    case 'E':
      // Day names carry no information the date does not already give.
      return { regex: count >= 4 ? '[A-Za-z]+' : '[A-Za-z]{3}', set: () => undefined };
    case 'Z':
      if (count >= 3) return { regex: 'UTC|Z|GMT', set: (p) => (p.offsetMs = 0) };
      return { regex: count === 2 ? 'Z|[+-]\\d{2}:\\d{2}' : 'Z|[+-]\\d{4}', set: (p, t) => (p.offsetMs = zoneOffsetMs(t)) };
    case 'z':
      return { regex: 'UTC|GMT|Z', set: (p) => (p.offsetMs = 0) };
    case 'T':
      return { regex: 'T', set: () => undefined };
    default:
      throw new Error(`timestamp pattern "${pattern}" uses "${char.repeat(count)}", which the preview cannot parse`);
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
