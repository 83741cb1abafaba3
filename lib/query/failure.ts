// Any failure of a query -> the app's { code, message, details } error, with Druid's
// own words and, for SQL errors, the position the editor underlines.
import { isApiErrorSource, type ApiErrorInfo } from '../http/api-error';

export interface SqlErrorPosition {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export function queryFailure(error: unknown): ApiErrorInfo {
  // DruidError and the app's own errors describe themselves.
  if (isApiErrorSource(error)) return error.toApiError();
  return { status: 500, code: 'internal', message: `The query failed unexpectedly: ${(error as Error)?.message ?? String(error)}` };
}

const positiveInt = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
};

/**
 * Where in the SQL text Druid says the problem is. Druid puts it in the error's
 * context (line, column, endLine, endColumn, as strings); older Brokers only say it
 * in the message ("at line 1, column 8").
 */
export function sqlErrorPosition(details: unknown, message = ''): SqlErrorPosition | undefined {
  const context = (details as { context?: Record<string, unknown> } | undefined)?.context;
  const line = positiveInt(context?.line);
  const column = positiveInt(context?.column);
  if (line !== undefined && column !== undefined) {
    const endLine = positiveInt(context?.endLine);
    const endColumn = positiveInt(context?.endColumn);
    return { line, column, ...(endLine !== undefined && endColumn !== undefined ? { endLine, endColumn } : {}) };
  }
  const said = /line \[?(\d+)\]?,\s*column \[?(\d+)\]?/i.exec(message);
  return said ? { line: Number(said[1]), column: Number(said[2]) } : undefined;
}

/** A position as character offsets into the text, clamped to it; the end is past the last character. */
export function positionRange(text: string, position: SqlErrorPosition): { from: number; to: number } {
  const lines = text.split('\n');
  const offsetOf = (line: number, column: number) => {
    const index = Math.min(Math.max(line, 1), lines.length) - 1;
    const start = lines.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0);
    return start + Math.min(Math.max(column, 1) - 1, lines[index].length);
  };
  const from = offsetOf(position.line, position.column);
  if (position.endLine !== undefined && position.endColumn !== undefined) {
    const to = offsetOf(position.endLine, position.endColumn) + 1;
    if (to > from) return { from, to: Math.min(to, text.length) };
  }
  // No end given: underline the word (or the character) where the problem starts.
  const word = /^[\w$."']+/.exec(text.slice(from));
  return { from, to: Math.min(text.length, from + (word ? word[0].length : 1)) };
}
