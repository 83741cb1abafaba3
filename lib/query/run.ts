// Running a query for the app's routes: one id per query so it can be cancelled in
// Druid when the browser gives up, Druid's own timeout set from the request, SQL rows
// streamed as NDJSON events, native results returned with a table form beside them.
// Takes the Druid client as an argument; the routes pass the server's one client.
import type { DruidClient } from '../druid/client';
import { ApiError } from '../http/api-error';
import { queryFailure } from './failure';
import { nativeResultTable } from './native-table';
import { ndjsonResponse } from './ndjson';
import {
  DEFAULT_QUERY_TIMEOUT_MS,
  DEFAULT_ROW_LIMIT,
  QueryIdSchema,
  type NativeQueryBody,
  type NativeQueryResponse,
  type SqlQueryBody,
  type SqlStreamEvent,
} from './schemas';
import { sqlEvents } from './sql-events';

/** Time to wait for Druid to start answering beyond the query's own timeout. */
const ANSWER_GRACE_MS = 5_000;
const CANCEL_TIMEOUT_MS = 5_000;

type Client = Pick<DruidClient, 'sql' | 'native'>;

function failureAsApiError(error: unknown): ApiError {
  const info = queryFailure(error);
  return new ApiError(info.status, info.code, info.message, info.details);
}

// 499: the client went away (nginx's convention), as lib/druid maps a cancelled call.
const goneBeforeStart = () => new ApiError(499, 'cancelled', 'The query was cancelled before it was sent to Druid.');

/** The caller's id when it gave a usable one (so it can cancel before any answer), else a new one. */
function queryIdFrom(context: Record<string, unknown> | undefined, key: 'sqlQueryId' | 'queryId'): string {
  const given = QueryIdSchema.safeParse(context?.[key]);
  if (context?.[key] !== undefined && !given.success) {
    throw new ApiError(400, 'invalid_input', `Invalid request body.context.${key}: ${given.error.issues[0].message}`);
  }
  return given.success ? given.data : crypto.randomUUID();
}

/** Cancels in Druid once, when the signal aborts or the reader goes away; a query already finished is fine. */
function cancelOnce(cancel: () => Promise<void>): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    cancel().catch(() => undefined);
  };
}

export async function runSql(client: Client, body: SqlQueryBody & { query: string }, signal: AbortSignal): Promise<Response> {
  const sqlQueryId = queryIdFrom(body.context, 'sqlQueryId');
  const timeoutMs = body.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const context = { timeout: timeoutMs, ...body.context, sqlQueryId };
  const cancelInDruid = cancelOnce(() => client.sql.cancel(sqlQueryId, { timeoutMs: CANCEL_TIMEOUT_MS }));
  if (signal.aborted) throw goneBeforeStart();
  signal.addEventListener('abort', cancelInDruid, { once: true });
  const startedAt = Date.now();
  let stream;
  try {
    stream = await client.sql.stream({ query: body.query, context, parameters: body.parameters }, { signal, timeoutMs: timeoutMs + ANSWER_GRACE_MS });
  } catch (error) {
    signal.removeEventListener('abort', cancelInDruid);
    throw failureAsApiError(error);
  }
  const events = sqlEvents(
    { sqlQueryId: stream.sqlQueryId ?? sqlQueryId, columns: stream.columns, rows: stream.rows },
    { rowLimit: body.rowLimit ?? DEFAULT_ROW_LIMIT, startedAt },
  );
  return ndjsonResponse<SqlStreamEvent>(finishing(events, () => signal.removeEventListener('abort', cancelInDruid)), {
    failureEvent: (error) => {
      const { code, message, details } = queryFailure(error);
      return { type: 'error', error: { code, message, ...(details === undefined ? {} : { details }) } };
    },
    onAbandon: cancelInDruid,
  });
}

async function* finishing<T>(events: AsyncGenerator<T>, onFinish: () => void): AsyncGenerator<T> {
  try {
    yield* events;
  } finally {
    onFinish();
  }
}

export async function runNative(client: Client, body: NativeQueryBody, signal: AbortSignal): Promise<NativeQueryResponse> {
  const queryId = queryIdFrom(body.query.context, 'queryId');
  const timeoutMs = body.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  const query = { ...body.query, context: { timeout: timeoutMs, ...body.query.context, queryId } };
  const cancelInDruid = cancelOnce(() => client.native.cancel(queryId, { timeoutMs: CANCEL_TIMEOUT_MS }));
  if (signal.aborted) throw goneBeforeStart();
  signal.addEventListener('abort', cancelInDruid, { once: true });
  const startedAt = Date.now();
  try {
    const answer = await client.native.query(query, { signal, timeoutMs: timeoutMs + ANSWER_GRACE_MS });
    return {
      queryType: answer.queryType,
      queryId: answer.queryId ?? queryId,
      elapsedMs: Date.now() - startedAt,
      results: answer.results,
      table: nativeResultTable(answer.queryType, answer.results),
    };
  } catch (error) {
    throw failureAsApiError(error);
  } finally {
    signal.removeEventListener('abort', cancelInDruid);
  }
}

/** Cancels a query the page started, by the id it gave it. */
export async function cancelQuery(client: Client, kind: 'sql' | 'native', queryId: string): Promise<{ cancelled: true; queryId: string }> {
  try {
    await (kind === 'sql' ? client.sql.cancel(queryId) : client.native.cancel(queryId));
    return { cancelled: true, queryId };
  } catch (error) {
    throw failureAsApiError(error);
  }
}
