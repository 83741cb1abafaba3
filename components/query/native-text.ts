// The native editor's text -> a query object, or what is wrong with it and where.
import type { SqlErrorPosition } from '@/lib/query/failure';

export type NativeText =
  | { readonly ok: true; readonly query: Record<string, unknown> }
  | { readonly ok: false; readonly message: string; readonly position?: SqlErrorPosition };

export function parseNativeText(text: string): NativeText {
  if (text.trim() === '') return { ok: false, message: 'Write a native JSON query first, or pick an example.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const position = lineColumn
      ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
      : at
        ? positionOf(text, Number(at[1]))
        : undefined;
    const where = position ? ` at line ${position.line}, column ${position.column}` : '';
    return { ok: false, message: `The query is not valid JSON${where}: ${message.replace(/^JSON\.parse: /, '')}`, position };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'A native query is a JSON object with a "queryType" and a "dataSource".' };
  }
  return { ok: true, query: value as Record<string, unknown> };
}

function positionOf(text: string, offset: number): SqlErrorPosition {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
