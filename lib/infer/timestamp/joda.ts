// A parser for the subset of Joda-Time patterns that inference suggests, so that the preview
// reads a timestamp exactly as Druid's timestampSpec would with the same pattern.
// Like Joda, numeric fields accept more digits than the pattern shows when the next field is
// not numeric, and text without a zone is taken as UTC (Druid's default time zone).

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

type Field = 'year' | 'month' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'fraction' | 'ampm' | 'offset' | 'ignore';

interface Compiled {
  readonly regex: RegExp;
  readonly fields: readonly Field[];
}

const cache = new Map<string, Compiled>();

function numeric(count: number, fixed: boolean): string {
  return fixed ? `(\\d{${count}})` : `(\\d{${count},9})`;
}

function isNumericLetter(letter: string): boolean {
  return 'yMdHhkmsS'.includes(letter);
}

/** Splits a pattern into runs of one letter and literals, as Joda reads it. */
function tokenize(pattern: string): { letter?: string; count: number; literal?: string }[] {
  const tokens: { letter?: string; count: number; literal?: string }[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated quote in Joda pattern "${pattern}"`);
      tokens.push({ literal: end === i + 1 ? "'" : pattern.slice(i + 1, end), count: 0 });
      i = end + 1;
    } else if (/[a-zA-Z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      tokens.push({ letter: ch, count: j - i });
      i = j;
    } else {
      tokens.push({ literal: ch, count: 0 });
      i++;
    }
  }
  return tokens;
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(pattern: string): Compiled {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const tokens = tokenize(pattern);
  const fields: Field[] = [];
  let source = '^';
  tokens.forEach((token, index) => {
    if (token.literal !== undefined) {
      source += escape(token.literal);
      return;
    }
    const next = tokens[index + 1];
    // Adjacent numeric fields (yyyyMMdd) must keep their exact widths.
    const fixed = next !== undefined && next.letter !== undefined && isNumericLetter(next.letter);
    const letter = token.letter as string;
    switch (letter) {
      case 'y':
      case 'Y':
      case 'x':
        source += token.count === 2 ? '(\\d{2})' : numeric(token.count, fixed || token.count >= 4);
        fields.push('year');
        break;
      case 'M':
        if (token.count >= 3) {
          source += '([A-Za-z]{3,9})';
        } else {
          source += fixed ? '(\\d{2})' : '(\\d{1,2})';
        }
        fields.push('month');
        break;
      case 'd':
      case 'H':
      case 'k':
      case 'h':
      case 'm':
      case 's':
        source += fixed || token.count === 2 ? '(\\d{2})' : '(\\d{1,2})';
        fields.push(({ d: 'day', H: 'hour', k: 'hour', h: 'hour12', m: 'minute', s: 'second' } as const)[letter]);
        break;
      case 'S':
        source += fixed ? `(\\d{${token.count}})` : '(\\d{1,9})';
        fields.push('fraction');
        break;
      case 'a':
        source += '([AaPp][Mm])';
        fields.push('ampm');
        break;
      case 'Z':
        source += '(Z|[+-]\\d{2}:?\\d{2})';
        fields.push('offset');
        break;
      case 'E':
        source += '([A-Za-z]{3,9})';
        fields.push('ignore');
        break;
      default:
        throw new Error(`Joda pattern letter "${letter}" is not supported in "${pattern}"`);
    }
  });
  const compiled = { regex: new RegExp(`${source}$`), fields };
  cache.set(pattern, compiled);
  return compiled;
}

/** Throws with the reason when inference cannot read a pattern. */
export function checkJodaPattern(pattern: string): void {
  compile(pattern);
}

function monthFromText(text: string): number {
  const lower = text.toLowerCase();
  const short = MONTHS.indexOf(lower);
  if (short >= 0) return short + 1;
  const full = MONTH_NAMES.indexOf(lower);
  return full >= 0 ? full + 1 : NaN;
}

function offsetMinutes(text: string): number {
  if (text === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** Parses text with a Joda pattern; epoch ms, or null when the text does not fit. */
export function parseJoda(text: string, pattern: string): number | null {
  const { regex, fields } = compile(pattern);
  const match = regex.exec(text.trim());
  if (!match) return null;
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  let pm: boolean | null = null;
  let offset = 0;
  fields.forEach((field, i) => {
    const part = match[i + 1];
    switch (field) {
      case 'year':
        year = part.length === 2 ? 2000 + Number(part) : Number(part);
        break;
      case 'month':
        month = /^\d+$/.test(part) ? Number(part) : monthFromText(part);
        break;
      case 'day':
        day = Number(part);
        break;
      case 'hour':
      case 'hour12':
        hour = Number(part);
        break;
      case 'minute':
        minute = Number(part);
        break;
      case 'second':
        second = Number(part);
        break;
      case 'fraction':
        millis = Math.floor(Number(`0.${part}`) * 1000);
        break;
      case 'ampm':
        pm = part.toLowerCase() === 'pm';
        break;
      case 'offset':
        offset = offsetMinutes(part);
        break;
      default:
        break;
    }
  });
  if (pm !== null) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (!(month >= 1 && month <= 12) || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Reject dates such as Feb 30 that Date.UTC silently rolls over.
  if (day > 28 && new Date(ms).getUTCDate() !== day) return null;
  return ms - offset * 60_000;
}
