// Reading one value with one timestampSpec format, the way Druid's timestamp parser does:
// numeric formats take a JSON number's integer part and parse strings as whole integers;
// `auto` reads digit-only text as millis and anything else as an ISO-like date;
// `iso` needs ISO 8601; any other format is a Joda pattern.
//
// Fractional epoch seconds: Druid's `posix` turns the number 1666391360.123 into
// 1666391360000 (the fraction is truncated by longValue) and rejects the string
// "1666391360.123" (Long.parseLong fails); `auto` reads the number as millis (a date in
// January 1970) and the string as a malformed ISO date. So inference marks such columns
// `fractionalSeconds` and the plan rebuilds __time with an expression transform.
import { compileJodaPattern } from '@/lib/ingest';

export const NUMERIC_FORMATS = ['posix', 'millis', 'micro', 'nano'] as const;

const ISO = /^([+-]?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:([T ])(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** The Joda patterns inference tries on strings, most specific first. */
export const JODA_CANDIDATES: readonly { readonly pattern: string; readonly test: RegExp }[] = [
  { pattern: 'yyyy-MM-dd HH:mm:ss.SSS', test: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{1,9}$/ },
  { pattern: 'yyyy-MM-dd HH:mm:ss,SSS', test: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}$/ },
  { pattern: 'yyyy-MM-dd HH:mm:ss', test: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/ },
  { pattern: 'yyyy/MM/dd HH:mm:ss', test: /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/ },
  { pattern: 'dd/MMM/yyyy:HH:mm:ss Z', test: /^\d{2}\/[A-Za-z]{3}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}$/ },
  { pattern: 'EEE, dd MMM yyyy HH:mm:ss Z', test: /^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/ },
  { pattern: 'M/d/yyyy h:mm:ss a', test: /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} ?[AaPp][Mm]$/ },
  { pattern: 'M/d/yyyy h:mm a', test: /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2} ?[AaPp][Mm]$/ },
  { pattern: 'dd.MM.yyyy HH:mm:ss', test: /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/ },
  { pattern: 'dd.MM.yyyy', test: /^\d{2}\.\d{2}\.\d{4}$/ },
  { pattern: 'MM/dd/yyyy', test: /^\d{2}\/\d{2}\/\d{4}$/ },
  { pattern: 'yyyy-MM-dd', test: /^\d{4}-\d{2}-\d{2}$/ },
  { pattern: 'yyyyMMddHHmmss', test: /^\d{14}$/ },
  { pattern: 'yyyyMMddHHmm', test: /^\d{12}$/ },
  { pattern: 'yyyyMMddHH', test: /^\d{10}$/ },
  { pattern: 'yyyyMMdd', test: /^\d{8}$/ },
];

export function parseIsoLike(text: string, allowSpace: boolean): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, sep, h, mi, s, frac, zone] = m;
  if (sep === ' ' && !allowSpace) return null;
  if (zone && !h) return null;
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const hour = h ? Number(h) : 0;
  const minute = mi ? Number(mi) : 0;
  const second = s ? Number(s) : 0;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  let ms = Date.UTC(Number(y), month - 1, day, hour, minute, second, millis);
  // Days past the 28th may not exist in the month (Feb 30): Date.UTC would roll them over.
  if (day > 28 && new Date(ms).getUTCDate() !== day) return null;
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * 60_000;
  }
  return ms;
}

function unitMillis(format: string): number {
  return format === 'posix' ? 1000 : format === 'millis' ? 1 : format === 'micro' ? 1e-3 : 1e-6;
}

function integerPart(value: number | bigint, format: string): number {
  if (typeof value === 'bigint') {
    const divisor = format === 'micro' ? 1000n : format === 'nano' ? 1_000_000n : 1n;
    const multiplier = format === 'posix' ? 1000n : 1n;
    return Number((value * multiplier) / divisor);
  }
  return Math.floor(Math.trunc(value) * unitMillis(format));
}

/** Epoch ms for a value under a Druid timestampSpec format, or null when Druid would fail. */
export function parseTimestampValue(value: unknown, format: string): number | null {
  if (value === null || value === undefined || value === '') return null;
  const isNumber = (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint';
  if ((NUMERIC_FORMATS as readonly string[]).includes(format)) {
    if (isNumber) return integerPart(value as number | bigint, format);
    if (typeof value === 'string' && INTEGER.test(value.trim())) return integerPart(BigInt(value.trim()), format);
    return null;
  }
  if (typeof value === 'boolean' || typeof value === 'object') return null;
  const text = String(value);
  if (format === 'auto') {
    if (isNumber) return integerPart(value as number | bigint, 'millis');
    if (/^\d+$/.test(text)) return Number(text);
    return parseIsoLike(text, true);
  }
  if (format === 'iso') return parseIsoLike(text, false);
  // The engine's own Joda parser: the preview reads a pattern exactly as ingestion will.
  return compileJodaPattern(format)(text);
}

/** Epoch ms for fractional epoch seconds (number or decimal text), or null. */
export function parseFractionalSeconds(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value * 1000);
  if (typeof value === 'bigint') return Number(value) * 1000;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return Math.floor(Number(value) * 1000);
  return null;
}

/** The formats worth trying for one sample value. */
export function formatsToTry(value: unknown): readonly string[] {
  if (typeof value === 'bigint') return ['micro', 'nano', 'millis'];
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return [];
    const formats: string[] = Number.isInteger(value) ? [...NUMERIC_FORMATS] : ['fractional-seconds', 'millis'];
    if (Number.isInteger(value) && value > 0) formats.push(...jodaFor(String(value)));
    return formats;
  }
  if (typeof value !== 'string') return [];
  const text = value.trim();
  if (INTEGER.test(text)) return [...NUMERIC_FORMATS, ...jodaFor(text)];
  if (DECIMAL.test(text) && text.includes('.')) return ['fractional-seconds'];
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return ['iso'];
  return jodaFor(text);
}

function jodaFor(text: string): string[] {
  return JODA_CANDIDATES.filter((candidate) => candidate.test.test(text)).map((candidate) => candidate.pattern);
}
