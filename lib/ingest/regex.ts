// The regex inputFormat: a line becomes fields from the capture groups of a Java regular
// expression, in the order `columns` lists them. As Druid's RegexReader does, the whole line
// must match, `columns` defaults to column_1, column_2..., a listDelimiter inside a group
// splits it into a multi-value, and a group that did not take part in the match is null (an
// empty match stays the empty string, as with SQL-compatible null handling, Druid 28+'s default).
// https://druid.apache.org/docs/latest/ingestion/data-formats#regex

/** Druid's Parsers.DEFAULT_LIST_DELIMITER: Ctrl-A. */
const DEFAULT_LIST_DELIMITER = '\u0001';

export interface CompiledRegex {
  readonly regex: RegExp;
  readonly groupCount: number;
}

// Escapes that JavaScript (without the u flag) reads as the plain letter but Java gives a
// meaning: running them in JavaScript would match something else, so they are refused.
const JAVA_ONLY_ESCAPES = new Set(['G', 'R', 'X', 'h', 'H', 'V', 'Q', 'E', 'K', 'e', 'a']);
const LEADING_FLAGS = /^\(\?([imsu]+)\)/;

const cache = new Map<string, CompiledRegex>();

/**
 * Translates a Java pattern to a JavaScript RegExp that must match a whole line (Java's
 * Matcher.matches). Throws an Error naming what cannot run the same way in JavaScript.
 */
export function compileJavaRegex(pattern: string): CompiledRegex {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let source = pattern;
  let flags = '';
  // Java's embedded flags at the start apply to the whole pattern, as RegExp flags do.
  const leading = LEADING_FLAGS.exec(source);
  if (leading) {
    flags = [...new Set(leading[1].replace('u', ''))].join('');
    source = source.slice(leading[0].length);
  }
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char !== '\\') {
      if (char === '(' && source[i + 1] === '?' && /[-imsuxd]/.test(source[i + 2] ?? '')) {
        throw new Error(`pattern uses the embedded flag group "${source.slice(i, i + 5)}...", which the preview can only read at the start of the pattern`);
      }
      if (char === '(' && source[i + 1] === '?' && source[i + 2] === '>') throw new Error('pattern uses an atomic group "(?>", which the preview cannot run');
      out += char;
      continue;
    }
    const next = source[i + 1] ?? '';
    i += 1;
    if (next === 'A') out += '^';
    else if (next === 'z') out += '$';
    else if (next === 'Z') out += '(?=\\r?\\n?$)';
    else if (JAVA_ONLY_ESCAPES.has(next)) throw new Error(`pattern uses "\\${next}", which means something else in the preview's regular expressions`);
    else out += `\\${next}`;
  }
  const unicode = /\\[pP]\{/.test(out);
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${out})$`, flags + (unicode ? 'u' : ''));
  } catch (error) {
    throw new Error(`pattern cannot be read: ${(error as Error).message}`);
  }
  // An alternative that matches the empty string shows how many groups the pattern has.
  const groupCount = (new RegExp(`${out}|`, flags + (unicode ? 'u' : '')).exec('') as RegExpExecArray).length - 1;
  const compiled = { regex, groupCount };
  cache.set(pattern, compiled);
  return compiled;
}

/** The fields of one line, or null when the line does not match. */
export function matchRegexLine(line: string, pattern: string, columns: readonly string[] | undefined, listDelimiter = DEFAULT_LIST_DELIMITER): Record<string, unknown> | null {
  const { regex, groupCount } = compileJavaRegex(pattern);
  const match = regex.exec(line);
  if (!match) return null;
  const names = columns && columns.length > 0 ? columns : Array.from({ length: groupCount }, (_, i) => `column_${i + 1}`);
  const fields: Record<string, unknown> = {};
  // Druid zips columns and groups up to the shorter of the two.
  for (let i = 0; i < Math.min(names.length, groupCount); i++) {
    const value = match[i + 1];
    if (value === undefined) fields[names[i]] = null;
    else fields[names[i]] = listDelimiter !== '' && value.includes(listDelimiter) ? value.split(listDelimiter) : value;
  }
  return fields;
}
