// Server side of a task's report and log: Druid's status first (an unknown task is a 404), then
// its report or log through the Overlord. A task of any supervisor, or of none, can be read.
import 'server-only';
import { isDruidError, type TaskReports, type TaskStatusPlus } from '@/lib/druid';
import {
  EMPTY_LOG_HEADER,
  emptyLogMessage,
  followLog,
  FOLLOW_WINDOW_BYTES,
  logOffset,
  shapeTaskReport,
  type TaskLogQuery,
  type TaskReport,
} from '@/lib/operate';
import { druid } from './druid';
import { STATUS_TIMEOUT_MS } from './operate';

/** A whole log may be megabytes: it gets longer than a status call. */
const LOG_TIMEOUT_MS = 60_000;

const isRunning = (status: TaskStatusPlus | null) => (status?.statusCode ?? status?.status) === 'RUNNING';
const location = (status: TaskStatusPlus | null) => (status?.location?.host && status.location.port > 0 ? `${status.location.host}:${status.location.port}` : null);

async function taskStatus(taskId: string, signal: AbortSignal): Promise<TaskStatusPlus | null> {
  const answer = await druid().tasks.status(taskId, { timeoutMs: STATUS_TIMEOUT_MS, signal });
  return answer.status ?? null;
}

export async function taskReport(taskId: string, signal: AbortSignal): Promise<TaskReport> {
  const status = await taskStatus(taskId, signal);
  const starting = isRunning(status);
  const reports = await druid()
    .tasks.reports(taskId, { timeoutMs: STATUS_TIMEOUT_MS, signal })
    .catch((error: unknown): TaskReports | null => {
      // Druid keeps no report for a task that failed at its start, and answers 500 for a running
      // task whose process does not serve yet (a peon JVM still starting).
      if (isDruidError(error) && (error.kind === 'not-found' || (starting && error.kind === 'http' && (error.status ?? 0) >= 500))) return null;
      throw error;
    });
  return shapeTaskReport(taskId, status, reports);
}

/** The log as text/plain: its end, or all of it, or (follow) its end and then what the running task adds. */
export async function taskLog(taskId: string, query: TaskLogQuery, signal: AbortSignal): Promise<Response> {
  const status = await taskStatus(taskId, signal);
  const running = isRunning(status);
  const text = await druid().tasks.log(taskId, { offset: logOffset(query), timeoutMs: LOG_TIMEOUT_MS, signal });
  // x-accel-buffering: a proxy such as nginx in front would otherwise hold a followed log back.
  const headers = new Headers({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  if (query.download) headers.set('content-disposition', `attachment; filename="${taskId}.log"`);
  if (text.length === 0) {
    headers.set(EMPTY_LOG_HEADER, 'true');
    return new Response(emptyLogMessage(taskId, location(status)), { headers });
  }
  if (!query.follow || !running) return new Response(text, { headers });
  return new Response(followedLog(taskId, text, signal), { headers });
}

function followedLog(taskId: string, sent: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const tasks = druid().tasks;
  const source = {
    readTail: (readSignal: AbortSignal) => tasks.log(taskId, { offset: -FOLLOW_WINDOW_BYTES, timeoutMs: STATUS_TIMEOUT_MS, signal: readSignal }),
    isRunning: async (readSignal: AbortSignal) => isRunning((await tasks.status(taskId, { timeoutMs: STATUS_TIMEOUT_MS, signal: readSignal })).status ?? null),
  };
  const stop = new AbortController();
  const both = AbortSignal.any([signal, stop.signal]);
  const chunks = followLog(source, { sent, signal: both });
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(sent));
    },
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch {
        // A read that fails (the reader left, Druid went away) ends the follow; what was sent stands.
        controller.close();
      }
    },
    cancel() {
      stop.abort();
    },
  });
}
