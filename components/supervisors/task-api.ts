// Browser side of /api/tasks/{taskId}: the report (polled while the task runs) and the log, read
// once or followed as a stream of text.
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/components/ui/fetch-json';
import { EMPTY_LOG_HEADER, TaskReportSchema } from '@/lib/operate';

const REPORT_POLL_MS = 5_000;

export const taskKeys = {
  report: (taskId: string) => ['tasks', taskId, 'report'] as const,
};

export const taskLogUrl = (taskId: string, query: Record<string, string> = {}) => `/api/tasks/${encodeURIComponent(taskId)}/log${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;

export const taskReportQuery = (taskId: string) =>
  queryOptions({
    queryKey: taskKeys.report(taskId),
    queryFn: async ({ signal }) => TaskReportSchema.parse(await fetchJson(`/api/tasks/${encodeURIComponent(taskId)}/report`, { signal })),
    // A finished task's report no longer changes.
    refetchInterval: (query) => (query.state.data?.running ? REPORT_POLL_MS : false),
    refetchIntervalInBackground: false,
  });

export interface LogRead {
  /** Druid answered with no text: `text` says why. */
  readonly empty: boolean;
}

/**
 * Reads a task's log, calling `onText` with each piece as it comes: the log's end at once, then (follow)
 * what the running task adds, until the task finishes or `signal` stops it.
 */
export async function readTaskLog(taskId: string, follow: boolean, onText: (text: string) => void, signal: AbortSignal): Promise<LogRead> {
  const response = await fetch(taskLogUrl(taskId, follow ? { follow: '1' } : {}), { signal, headers: { accept: 'text/plain' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    throw new Error(body?.error?.message ?? `Tributary answered HTTP ${response.status}`);
  }
  const empty = response.headers.get(EMPTY_LOG_HEADER) === 'true';
  if (!response.body) {
    onText(await response.text());
    return { empty };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { empty };
    onText(value);
  }
}
