// The browser's side of /api/query: reads the SQL route's NDJSON events as they come,
// posts native queries, and cancels by the id the page gave the query.
import { ApiRequestError, fetchJson } from '@/components/ui/fetch-json';
import {
  NativeQueryResponseSchema,
  SqlStreamEventSchema,
  type NativeQueryBody,
  type NativeQueryResponse,
  type ResultColumn,
  type SqlQueryBody,
  type SqlStreamEvent,
} from '@/lib/query/schemas';

export interface SqlStreamHandlers {
  onHeader(columns: ResultColumn[], sqlQueryId?: string): void;
  onRows(rows: unknown[][]): void;
}

export type SqlEnd = Extract<SqlStreamEvent, { type: 'end' }>;

export async function runSqlQuery(body: SqlQueryBody, handlers: SqlStreamHandlers, signal: AbortSignal): Promise<SqlEnd> {
  let response: Response;
  try {
    response = await fetch('/api/query/sql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'network', "Tributary's server cannot be reached. Is it still running?");
  }
  return readSqlEvents(response, handlers);
}

/** Reads the route's answer: a JSON error before the stream started, or the events. */
export async function readSqlEvents(response: Response, handlers: SqlStreamHandlers): Promise<SqlEnd> {
  if (!response.ok || !response.body) throw await errorOf(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffer += value;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line === '') continue;
        const event = parseEvent(line);
        if (event.type === 'header') handlers.onHeader(event.columns, event.sqlQueryId);
        else if (event.type === 'rows') handlers.onRows(event.rows);
        else if (event.type === 'end') return event;
        else throw new ApiRequestError(response.status, event.error.code, event.error.message, event.error.details);
      }
      if (done) break;
    }
  } finally {
    reader.releaseLock();
  }
  throw new ApiRequestError(response.status, 'incomplete', 'The result stream ended before the query finished: the connection to Tributary was lost.');
}

function parseEvent(line: string): SqlStreamEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ApiRequestError(200, 'invalid_response', 'Tributary sent a result line that is not JSON.');
  }
  const event = SqlStreamEventSchema.safeParse(value);
  if (!event.success) throw new ApiRequestError(200, 'invalid_response', `Tributary sent a result event it does not recognise: ${event.error.issues[0].message}`);
  return event.data;
}

async function errorOf(response: Response): Promise<ApiRequestError> {
  const text = await response.text().catch(() => '');
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; message?: string; details?: unknown } };
    if (error?.message) return new ApiRequestError(response.status, error.code ?? 'http', error.message, error.details);
  } catch {
    // Not JSON: a proxy's page, say the status instead.
  }
  return new ApiRequestError(response.status, 'http', `Tributary's server answered HTTP ${response.status}.`);
}

export async function runNativeQuery(body: NativeQueryBody, signal: AbortSignal): Promise<NativeQueryResponse> {
  const answer = await fetchJson<unknown>('/api/query/native', { method: 'POST', body: JSON.stringify(body), signal });
  return NativeQueryResponseSchema.parse(answer);
}

/** Asks the server to cancel in Druid too; the fetch abort alone may not reach it through a proxy. */
export async function cancelQuery(kind: 'sql' | 'native', queryId: string): Promise<void> {
  await fetchJson(`/api/query/${kind}/${encodeURIComponent(queryId)}`, { method: 'DELETE' }).catch(() => undefined);
}
