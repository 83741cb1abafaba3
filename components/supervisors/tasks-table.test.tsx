// @vitest-environment jsdom
// The Tasks table opens a task's report and log: counts and parse exceptions, a finished task's
// log with its download link, and an empty log from an Indexer explained instead of a blank pane.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyLogMessage, EMPTY_LOG_HEADER, type TaskReport, type TaskRow } from '@/lib/operate';
import { TasksTable } from './tasks-table';

// The opened task lives in the URL: a router whose replace() changes the search params the table reads.
const nav = vi.hoisted(() => ({ params: new URLSearchParams(), listeners: new Set<() => void>() }));
vi.mock('next/navigation', async () => {
  const { useSyncExternalStore } = await import('react');
  const subscribe = (listener: () => void) => {
    nav.listeners.add(listener);
    return () => void nav.listeners.delete(listener);
  };
  return {
    useSearchParams: () => useSyncExternalStore(subscribe, () => nav.params),
    useRouter: () => ({
      replace: (url: string) => {
        nav.params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
        nav.listeners.forEach((listener) => listener());
      },
    }),
  };
});

const finished: TaskRow = { id: 'index_kafka_clicks_done', role: 'other', status: 'SUCCESS', startTime: '2026-01-01T00:00:00Z', durationMs: 60_000, remainingSeconds: null, location: null, errorMsg: null };
const onIndexer: TaskRow = { ...finished, id: 'index_kafka_clicks_threads', role: 'active', status: 'RUNNING', location: '127.0.0.1:8091' };

const report: TaskReport = {
  taskId: finished.id,
  datasource: 'clicks',
  type: 'index_kafka',
  status: 'SUCCESS',
  running: false,
  location: null,
  ingestionState: 'COMPLETED',
  errorMsg: null,
  rowStats: [{ phase: 'buildSegments', processed: 20, processedBytes: 1576, processedWithError: 0, thrownAway: 0, unparseable: 3 }],
  parseExceptions: [{ phase: 'buildSegments', time: '2026-01-01T00:00:01.000Z', errorType: 'unparseable', message: 'Unable to parse row [not json] (Record: 1)', input: 'not json' }],
  reportMissing: null,
};

function serve(routes: Record<string, () => Response>) {
  vi.stubGlobal('fetch', (url: string) => {
    const path = url.split('?')[0];
    return Promise.resolve(routes[path]?.() ?? new Response(JSON.stringify({ error: { code: 'not_found', message: `no ${path}` } }), { status: 404 }));
  });
}

function renderTable(tasks: TaskRow[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <TasksTable tasks={tasks} />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  nav.params = new URLSearchParams();
});

describe('TasksTable', () => {
  it("opens a finished task's report with its counts and parse exceptions, then its log with a download link", async () => {
    serve({
      [`/api/tasks/${finished.id}/report`]: () => Response.json(report),
      [`/api/tasks/${finished.id}/log`]: () => new Response('2026-01-01 INFO started\n2026-01-01 INFO done\n', { headers: { 'content-type': 'text/plain' } }),
    });
    renderTable([finished]);
    fireEvent.click(screen.getByRole('button', { name: `Report of ${finished.id}` }));
    const counts = await screen.findByRole('table', { name: 'Row counts' });
    expect(within(counts).getByRole('row', { name: /buildSegments/ }).textContent).toBe('buildSegments201,576300');
    expect(within(screen.getByRole('table', { name: 'Parse exceptions' })).getByText('not json')).toBeTruthy();

    expect(nav.params.toString()).toBe(`task=${finished.id}&taskView=report`);

    fireEvent.click(screen.getByRole('tab', { name: 'Log' }));
    expect(nav.params.get('taskView')).toBe('log');
    expect(await screen.findByText(/INFO done/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download the whole log' }).getAttribute('href')).toBe(`/api/tasks/${finished.id}/log?download=1`);
    expect(screen.queryByRole('status')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(nav.params.toString()).toBe('');
    expect(screen.queryByRole('tabpanel')).toBeNull();
  });

  it('opens the task the URL names, as a shared link does', async () => {
    nav.params = new URLSearchParams({ task: finished.id, taskView: 'report' });
    serve({ [`/api/tasks/${finished.id}/report`]: () => Response.json(report) });
    renderTable([onIndexer, finished]);
    expect(await screen.findByRole('table', { name: 'Parse exceptions' })).toBeTruthy();
    expect(screen.getByRole('region', { name: `Task ${finished.id}` })).toBeTruthy();
  });

  it('says why the log of a task on an Indexer is empty, instead of an empty pane', async () => {
    serve({
      [`/api/tasks/${onIndexer.id}/log`]: () => new Response(emptyLogMessage(onIndexer.id, '127.0.0.1:8091'), { headers: { 'content-type': 'text/plain', [EMPTY_LOG_HEADER]: 'true' } }),
    });
    renderTable([onIndexer]);
    fireEvent.click(screen.getByRole('button', { name: `Log of ${onIndexer.id}` }));
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain('Indexer processes of Druid 33 keep no per-task log; tasks run by a MiddleManager have one.');
    expect(screen.queryByLabelText('Task log')).toBeNull();
  });
});
