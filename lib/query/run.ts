// Running a query for the app's routes: one id per query so it can be cancelled in
// Druid when the browser gives up or Tributary's deadline passes, Druid's own timeout set to
// that deadline (a user's context.timeout never lengthens it past Tributary's maximum), SQL rows
// streamed as NDJSON events, native results returned with a table form beside them.
// Takes the Druid client as an argument; the routes pass the server's one client.
import type { DruidClient } from '../druid/client';
import { ApiError } from '../http/api-error';
import { pastDeadline, queryDeadlineMs } from './deadline';
import { queryFailure } from './failure';
import { nativeResultTable } from './native-table';
import { ndjsonResponse } from './ndjson';
import {
  DEFAULT_ROW_LIMIT,
  QueryIdSchema,
  type NativeQueryBody,
  type NativeQueryResponse,
  type SqlQueryBody,
  type SqlStreamEvent,
} from './schemas';
import { sqlEvents } from './sql-events';

/** Time Druid has past the query's own timeout to answer (with its timeout error) before Tributary gives up and cancels. */
const ANSWER_GRACE_MS = 5_000;
const CANCEL_TIMEOUT_MS = 5_000;
/** The HTTP call's own timeout comes after the deadline, so the deadline is what stops a query (and cancels it). */
const TRANSPORT_SLACK_MS = 1_000;

export interface RunOptions {
  /** Replaces ANSWER_GRACE_MS (tests). */
  readonly answerGraceMs?: number;
}

/** The query's deadline as a signal: the caller going away, or the deadline plus Druid's grace passing. */
function deadlineFor(signal: AbortSignal, timeoutMs: number, options: RunOptions) {
  const waitMs = timeoutMs + (options.answerGraceMs ?? ANSWER_GRACE_MS);
  const deadline = AbortSignal.timeout(waitMs);
  return { deadline, stop: AbortSignal.any([signal, deadline]), transportTimeoutMs: waitMs + TRANSPORT_SLACK_MS };
}

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

export async function runSql(client: Client, body: SqlQueryBody & { query: string }, signal: AbortSignal, options: RunOptions = {}): Promise<Response> {
  const sqlQueryId = queryIdFrom(body.context, 'sqlQueryId');
  const timeoutMs = queryDeadlineMs(body.timeoutMs, body.context, 'body.context');
  const context = { ...body.context, timeout: timeoutMs, sqlQueryId };
  const cancelInDruid = cancelOnce(() => client.sql.cancel(sqlQueryId, { timeoutMs: CANCEL_TIMEOUT_MS }));
  if (signal.aborted) throw goneBeforeStart();
  const { deadline, stop, transportTimeoutMs } = deadlineFor(signal, timeoutMs, options);
  stop.addEventListener('abort', cancelInDruid, { once: true });
  const startedAt = Date.now();
  let stream;
  try {
    stream = await client.sql.stream({ query: body.query, context, parameters: body.parameters }, { signal: stop, timeoutMs: transportTimeoutMs });
  } catch (error) {
    stop.removeEventListener('abort', cancelInDruid);
    throw deadline.aborted ? pastDeadline(timeoutMs, sqlQueryId) : failureAsApiError(error);
  }
  const events = sqlEvents(
    { sqlQueryId: stream.sqlQueryId ?? sqlQueryId, columns: stream.columns, rows: stream.rows },
    { rowLimit: body.rowLimit ?? DEFAULT_ROW_LIMIT, startedAt },
  );
  return ndjsonResponse<SqlStreamEvent>(finishing(events, () => stop.removeEventListener('abort', cancelInDruid)), {
    failureEvent: (error) => {
      const { code, message, details } = deadline.aborted ? pastDeadline(timeoutMs, sqlQueryId).toApiError() : queryFailure(error);
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

export async function runNative(client: Client, body: NativeQueryBody, signal: AbortSignal, options: RunOptions = {}): Promise<NativeQueryResponse> {
  const queryId = queryIdFrom(body.query.context, 'queryId');
  const timeoutMs = queryDeadlineMs(body.timeoutMs, body.query.context, 'body.query.context');
  const query = { ...body.query, context: { ...body.query.context, timeout: timeoutMs, queryId } };
  const cancelInDruid = cancelOnce(() => client.native.cancel(queryId, { timeoutMs: CANCEL_TIMEOUT_MS }));
  if (signal.aborted) throw goneBeforeStart();
  const { deadline, stop, transportTimeoutMs } = deadlineFor(signal, timeoutMs, options);
  stop.addEventListener('abort', cancelInDruid, { once: true });
  const startedAt = Date.now();
  try {
    const answer = await client.native.query(query, { signal: stop, timeoutMs: transportTimeoutMs });
    return {
      queryType: answer.queryType,
      queryId: answer.queryId ?? queryId,
      elapsedMs: Date.now() - startedAt,
      results: answer.results,
      table: nativeResultTable(answer.queryType, answer.results),
    };
  } catch (error) {
    throw deadline.aborted ? pastDeadline(timeoutMs, queryId) : failureAsApiError(error);
  } finally {
    stop.removeEventListener('abort', cancelInDruid);
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
