// A task's log: how much of it to read, what to say when Druid answers with nothing, and how to
// follow a running task's log. Druid serves a log from a byte offset, or its last N bytes with a
// negative offset, but never says how long the log is; so following reads the last window again
// and again and keeps what comes after the text already sent.
import { z } from 'zod';

/** What a log view shows unless asked for the whole log: its last 256 KB. */
export const DEFAULT_LOG_TAIL_KB = 256;
export const MAX_LOG_TAIL_KB = 16 * 1024;
/** Each read while following: the last 64 KB, far more than a task logs between two reads. */
export const FOLLOW_WINDOW_BYTES = 64 * 1024;
export const FOLLOW_INTERVAL_MS = 1_500;
/** A follow ends after this long; the viewer follows again to go on. */
export const FOLLOW_MAX_MS = 10 * 60_000;
/** Reads in a row that may fail before a follow gives up. */
const MAX_FAILED_READS = 3;
/** The end of the text already sent that must be found again in a new read. */
const ANCHOR_CHARS = 1_024;

const TAIL_KB_RANGE = `must be a whole number of KB from 1 to ${MAX_LOG_TAIL_KB}`;
const flag = z.enum(['1', 'true', '0', 'false']).transform((value) => value === '1' || value === 'true');

/** GET /api/tasks/{taskId}/log's query. */
export const TaskLogQuerySchema = z.object({
  /** How many KB from the end of the log (256 unless said). */
  tailKb: z
    .string()
    .regex(/^\d+$/, TAIL_KB_RANGE)
    .transform(Number)
    .pipe(z.number().int().min(1, TAIL_KB_RANGE).max(MAX_LOG_TAIL_KB, TAIL_KB_RANGE))
    .optional(),
  /** The whole log instead of its end. */
  full: flag.optional(),
  /** Keep the answer open and send what the running task logs, until it finishes (from at least the last 64 KB). */
  follow: flag.optional(),
  /** Answer as a file to save: the whole log unless tailKb says otherwise. */
  download: flag.optional(),
});
export type TaskLogQuery = z.infer<typeof TaskLogQuerySchema>;

/** Druid's offset parameter for a query: undefined for the whole log, a negative byte count for its end. */
export function logOffset(query: TaskLogQuery): number | undefined {
  if (query.tailKb === undefined && (query.full || query.download)) return undefined;
  const tailBytes = (query.tailKb ?? DEFAULT_LOG_TAIL_KB) * 1024;
  // A follow starts from at least one window, so its reads overlap what was sent by far more than a repeated stack trace.
  return -(query.follow ? Math.max(tailBytes, FOLLOW_WINDOW_BYTES) : tailBytes);
}

export const EMPTY_LOG_HEADER = 'x-tributary-empty-log';

/** Said instead of a blank page when Druid answers a task's log with no text. */
export function emptyLogMessage(taskId: string, location: string | null): string {
  const where = location ? ` (it runs on ${location})` : '';
  return `Druid answered with an empty log for task ${taskId}${where}: Indexer processes of Druid 33 keep no per-task log; tasks run by a MiddleManager have one.\n`;
}

export const SKIPPED_NOTE = '\n[Tributary: part of the log was skipped here: the task wrote more between two reads than one read holds]\n';

/**
 * What `fetched` (the log's last window, read now) adds to `known` (the end of the text sent so far):
 * what follows the place where the two overlap. A log repeats itself (the same stack trace after
 * each parse exception), so the end of `known` may stand in `fetched` several times; the place that
 * overlaps `known` the longest is where it ends, the first such place when several do.
 */
export function logAdditions(known: string, fetched: string): { added: string; skipped: boolean } {
  if (!known) return { added: fetched, skipped: false };
  const anchor = known.slice(-ANCHOR_CHARS);
  let best: { end: number; overlap: number } | undefined;
  for (let at = fetched.indexOf(anchor); at >= 0; at = fetched.indexOf(anchor, at + 1)) {
    const end = at + anchor.length;
    const overlap = Math.min(end, known.length);
    if (overlap > (best?.overlap ?? 0) && fetched.slice(end - overlap, end) === known.slice(known.length - overlap)) best = { end, overlap };
  }
  if (best) return { added: fetched.slice(best.end), skipped: false };
  if (known.endsWith(fetched)) return { added: '', skipped: false };
  return { added: fetched, skipped: true };
}

export interface LogSource {
  /** The log's last FOLLOW_WINDOW_BYTES. */
  readTail(signal: AbortSignal): Promise<string>;
  isRunning(signal: AbortSignal): Promise<boolean>;
}

export interface FollowOptions {
  /** The text already sent (its end is enough). */
  readonly sent: string;
  readonly signal: AbortSignal;
  readonly intervalMs?: number;
  readonly maxMs?: number;
}

/**
 * What a running task logs after `sent`, chunk by chunk, until the task has finished (its last
 * lines included), the reader goes away or FOLLOW_MAX_MS has passed.
 */
export async function* followLog(source: LogSource, options: FollowOptions): AsyncGenerator<string> {
  const { signal } = options;
  const deadline = Date.now() + (options.maxMs ?? FOLLOW_MAX_MS);
  let known = options.sent.slice(-FOLLOW_WINDOW_BYTES);
  let failures = 0;
  while (!signal.aborted && Date.now() < deadline) {
    await pause(options.intervalMs ?? FOLLOW_INTERVAL_MS, signal);
    if (signal.aborted) return;
    let running: boolean;
    let fetched: string;
    try {
      // Asked before reading, so the read after the task has finished holds its last lines.
      running = await source.isRunning(signal);
      fetched = await source.readTail(signal);
      failures = 0;
    } catch (error) {
      // A busy Druid may miss one read; the next one makes up for it.
      if (signal.aborted || ++failures >= MAX_FAILED_READS) throw error;
      continue;
    }
    const { added, skipped } = logAdditions(known, fetched);
    if (skipped) yield SKIPPED_NOTE;
    if (added) {
      known = (known + added).slice(-FOLLOW_WINDOW_BYTES);
      yield added;
    }
    if (!running) return;
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
