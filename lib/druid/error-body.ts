// Reads whatever came back with an error status: Druid's two JSON error shapes,
// the sampler's, Jetty's servlet JSON, a proxy's HTML page, or plain text, and
// says what went wrong in one operator-readable line.
import { parseDruidJson } from './json';
import {
  DruidExceptionErrorSchema,
  LegacyQueryErrorSchema,
  ServletErrorSchema,
  SimpleErrorSchema,
} from './schemas/errors';

export interface ErrorBodyDetails {
  /** What the body says, in one line; undefined when the body says nothing useful. */
  readonly message?: string;
  /** The full text Druid gave, when the one-line message shortened it. */
  readonly fullMessage?: string;
  /** Druid's error code: `errorCode` of a DruidException, else the legacy `error` code. */
  readonly druidCode?: string;
  readonly errorClass?: string;
  readonly category?: string;
  readonly persona?: string;
  readonly host?: string;
  readonly context?: Readonly<Record<string, unknown>>;
  readonly format: 'druid-exception' | 'druid-query-error' | 'druid-simple' | 'servlet' | 'html' | 'text' | 'empty';
}

const MAX_MESSAGE_CHARS = 400;

/** Legacy `error` values that are codes, which read well as a prefix ("SQL parse failed: ..."). */
const LEGACY_CODES = new Set([
  'SQL parse failed',
  'Plan validation failed',
  'Resource limit exceeded',
  'Query capacity exceeded',
  'Unsupported operation',
  'Query timeout',
  'Query interrupted',
  'Query cancelled',
  'Truncated response context',
  'Unknown exception',
]);

export function describeErrorBody(text: string, contentType: string | null): ErrorBodyDetails {
  const trimmed = text.trim();
  if (trimmed === '') return { format: 'empty' };
  if (/^[[{"]/.test(trimmed)) {
    try {
      const fromJson = describeJson(parseDruidJson(trimmed, { bigIntegers: 'string' }));
      if (fromJson) return fromJson;
    } catch {
      // Not JSON after all: fall through to text.
    }
  }
  if ((contentType ?? '').includes('html') || /^<(!doctype|html|head|body)/i.test(trimmed)) {
    const message = htmlSummary(trimmed);
    return message ? { format: 'html', message } : { format: 'empty' };
  }
  return { format: 'text', ...oneLine(trimmed) };
}

function describeJson(body: unknown): ErrorBodyDetails | undefined {
  const exception = DruidExceptionErrorSchema.safeParse(body);
  if (exception.success) {
    const e = exception.data;
    const context = typeof e.context === 'object' && e.context !== null ? e.context : undefined;
    const legacyCode = e.errorCode === 'legacyQueryException' && e.error !== 'druidException' ? e.error : undefined;
    const text = withPosition(e.errorMessage ?? legacyCode ?? e.errorCode, context);
    return {
      format: 'druid-exception',
      ...oneLine(legacyCode && e.errorMessage ? `${legacyCode}: ${text}` : text),
      druidCode: legacyCode ?? e.errorCode,
      category: e.category,
      persona: e.persona,
      errorClass: e.errorClass ?? undefined,
      host: e.host ?? undefined,
      context,
    };
  }
  const legacy = LegacyQueryErrorSchema.safeParse(body);
  if (legacy.success && ('errorMessage' in legacy.data || 'errorClass' in legacy.data)) {
    const e = legacy.data;
    const text = e.errorMessage ? (LEGACY_CODES.has(e.error) ? `${e.error}: ${e.errorMessage}` : e.errorMessage) : e.error;
    return { format: 'druid-query-error', ...oneLine(text), druidCode: e.error, errorClass: e.errorClass ?? undefined, host: e.host ?? undefined };
  }
  const simple = SimpleErrorSchema.safeParse(body);
  if (simple.success) return { format: 'druid-simple', ...oneLine(simple.data.error) };
  const servlet = ServletErrorSchema.safeParse(body);
  if (servlet.success) {
    const cause = Object.entries(servlet.data).find(([key]) => /^cause\d+$/.test(key))?.[1];
    return { format: 'servlet', ...oneLine(servlet.data.message), errorClass: typeof cause === 'string' ? cause.split(':')[0] : undefined };
  }
  if (typeof body === 'string' && body.trim() !== '') return { format: 'text', ...oneLine(body) };
  // Some other JSON object, such as an authorizer's {"Access-Check-Result": "Unauthorized"}: its text fields, as words.
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const said = Object.entries(body)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
      .map(([key, value]) => `${key}: ${value}`)
      .join(', ');
    if (said) return { format: 'text', ...oneLine(said) };
  }
  return undefined;
}

/** SQL validation errors carry their position only in `context`; say it where the message does not. */
function withPosition(message: string, context: Record<string, unknown> | undefined): string {
  const line = context?.line;
  const column = context?.column;
  if (line === undefined || column === undefined || /\bline\b/i.test(message)) return message;
  return `${message} at line ${String(line)}, column ${String(column)}`;
}

function oneLine(text: string): { message: string; fullMessage?: string } {
  const full = text.trim();
  const first = full.split(/\r?\n/)[0].trim();
  const message = first.length > MAX_MESSAGE_CHARS ? `${first.slice(0, MAX_MESSAGE_CHARS - 1)}…` : first;
  return message === full ? { message } : { message, fullMessage: full };
}

/** The title and first heading of an error page, never its markup. */
function htmlSummary(html: string): string | undefined {
  const pick = (tag: string) => html.match(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'i'))?.[1];
  const title = textOf(pick('title'));
  const heading = textOf(pick('h1') ?? pick('h2'));
  const body = textOf(pick('body') ?? html);
  const parts = [title, heading && heading !== title && !title?.includes(heading) ? heading : undefined].filter(Boolean);
  const summary = parts.length > 0 ? parts.join(': ') : body;
  if (!summary) return undefined;
  return summary.length > MAX_MESSAGE_CHARS ? `${summary.slice(0, MAX_MESSAGE_CHARS - 1)}…` : summary;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function textOf(fragment: string | undefined): string | undefined {
  if (fragment === undefined) return undefined;
  const text = fragment
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : text;
}
