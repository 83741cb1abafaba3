// The SQL query context the user may set (sqlTimeZone, useCache, timeout...), as typed JSON
// text -> an object, or what is wrong with it. Keys Tributary sets itself are refused so a
// query can always be cancelled (docs/querying/sql-query-context.md).
export const RESERVED_CONTEXT_KEYS = ['sqlQueryId', 'queryId'] as const;

export type ContextText =
  | { readonly ok: true; readonly context: Readonly<Record<string, unknown>> | undefined }
  | { readonly ok: false; readonly message: string };

export function parseContextText(text: string): ContextText {
  if (text.trim() === '') return { ok: true, context: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The query context is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The query context is a JSON object, e.g. {"sqlTimeZone": "Asia/Shanghai"}.' };
  }
  const reserved = RESERVED_CONTEXT_KEYS.filter((key) => key in value);
  if (reserved.length > 0) {
    return { ok: false, message: `The query context may not set ${reserved.map((key) => `"${key}"`).join(' or ')}: Tributary sets it to cancel the query.` };
  }
  return { ok: true, context: value as Record<string, unknown> };
}
