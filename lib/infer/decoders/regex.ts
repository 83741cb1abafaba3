// Raw text lines (access logs, application logs) read with a regular expression whose
// capture groups become named columns, as Druid's regex input format does: the whole line
// must match, and groups map to columns in order. Patterns are written in the syntax that
// Java and JavaScript share. Druid keeps a matched "-" as text, so the log patterns match a
// lone dash outside their groups: an unmatched group is null, in Druid and in the preview.

export interface LogPattern {
  readonly name: string;
  readonly pattern: string;
  readonly columns: readonly string[];
}

export const LOG_PATTERNS: readonly LogPattern[] = [
  {
    name: 'combined access log',
    pattern: '^(\\S+) (?:-|(\\S+)) (?:-|(\\S+)) \\[([^\\]]+)\\] "(\\S+) (\\S+) ?(\\S*)" (\\d{3}) (?:(\\d+)|-) "(?:-|([^"]*))" "([^"]*)".*$',
    columns: ['remote_addr', 'ident', 'remote_user', 'time_local', 'method', 'path', 'protocol', 'status', 'bytes', 'referer', 'user_agent'],
  },
  {
    name: 'common access log',
    pattern: '^(\\S+) (?:-|(\\S+)) (?:-|(\\S+)) \\[([^\\]]+)\\] "(\\S+) (\\S+) ?(\\S*)" (\\d{3}) (?:(\\d+)|-)$',
    columns: ['remote_addr', 'ident', 'remote_user', 'time_local', 'method', 'path', 'protocol', 'status', 'bytes'],
  },
  {
    name: 'application log',
    pattern: '^(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)\\s+\\[?(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\\]?\\s+(?:\\[([^\\]]*)\\]\\s+)?(.*)$',
    columns: ['timestamp', 'level', 'thread', 'message'],
  },
  {
    name: 'syslog',
    pattern: '^<(\\d{1,3})>(?:1 )?(\\S+(?: +\\d+ \\d{2}:\\d{2}:\\d{2})?) (\\S+) ([^:\\[ ]+)(?:\\[(\\d+)\\])?: (.*)$',
    columns: ['priority', 'timestamp', 'host', 'app', 'pid', 'message'],
  },
];

/** Longer lines are not matched: backtracking patterns could take very long on them. */
export const MAX_LINE_CHARS = 65_536;

const compiled = new Map<string, RegExp>();

function regexFor(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern, 's');
    compiled.set(pattern, regex);
  }
  return regex;
}

/** Fields of one line, or why the line does not match. */
export function matchLine(text: string, pattern: string, columns: readonly string[]): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  if (text.length > MAX_LINE_CHARS) return { ok: false, reason: `the line is ${text.length} characters, too long to match safely (limit ${MAX_LINE_CHARS})` };
  const match = regexFor(pattern).exec(text);
  if (!match) return { ok: false, reason: 'the line does not match the pattern' };
  const row = Object.create(null) as Record<string, unknown>;
  columns.forEach((column, i) => {
    const value = match[i + 1];
    // Druid reads an unmatched optional group as null.
    row[column] = value === undefined ? null : value;
  });
  return { ok: true, value: row };
}

/** The known pattern that matches most lines, if it matches at least half of them. */
export function detectLogPattern(texts: readonly string[]): { pattern: LogPattern; share: number } | null {
  const sample = texts.slice(0, 500);
  let best: { pattern: LogPattern; share: number } | null = null;
  for (const pattern of LOG_PATTERNS) {
    const regex = regexFor(pattern.pattern);
    const share = sample.filter((text) => text.length <= MAX_LINE_CHARS && regex.test(text)).length / Math.max(sample.length, 1);
    if (share >= 0.5 && (!best || share > best.share)) best = { pattern, share };
  }
  return best;
}
