// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SupervisorDetail } from '@/lib/operate';
import { SupervisorStatus } from './supervisor-status';

const router = vi.hoisted(() => ({ pushed: [] as string[] }));
vi.mock('next/navigation', () => ({ useRouter: () => ({ push: (url: string) => router.pushed.push(url), replace: vi.fn() }) }));
// The JSON viewer is CodeMirror, which needs a real layout engine; the panel around it is what is tested here.
vi.mock('./spec-viewer', () => ({ default: ({ text }: { text: string }) => <pre data-testid="spec-json">{text}</pre> }));

const detail: SupervisorDetail = {
  id: 'clicks',
  refreshedAt: '2026-01-01T00:00:00.000Z',
  status: {
    dataSource: 'clicks',
    stream: 'web-clicks',
    partitions: 2,
    suspended: false,
    healthy: false,
    state: 'UNHEALTHY_TASKS',
    detailedState: 'UNHEALTHY_TASKS',
    aggregateLag: '9007199254740993',
    recentErrors: [{ timestamp: '2026-01-01T00:00:00Z', exceptionClass: 'org.apache.kafka.common.errors.TimeoutException', message: 'Timeout expired while fetching topic metadata' }],
  },
  throughput: { processedPerSecond: 120, errorsPerSecond: 1 },
  totals: { processed: 1000, processedWithError: 1, unparseable: 2, thrownAway: 0 },
  partitions: [
    { partition: '0', currentOffset: '10', latestOffset: '20', lag: '10', taskId: 't' },
    { partition: '1', currentOffset: '0', latestOffset: '9007199254740983', lag: '9007199254740983', taskId: 't' },
  ],
  tasks: [{ id: 'index_kafka_clicks_1', role: 'active', status: 'RUNNING', startTime: '2026-01-01T00:00:00Z', durationMs: 65_000, remainingSeconds: 3000, location: 'mm:8100', errorMsg: null }],
  taskGroupIds: [0],
  spec: { type: 'kafka', spec: { dataSchema: { dataSource: 'clicks' } } },
  curl: "curl -X POST ... 'http://druid:8888/druid/indexer/v1/supervisor'",
  history: [],
  lagHistory: [{ t: 0, lag: '9007199254740993' }],
  problems: ['The task list could not be read: timed out'],
};

function respond(handler: (url: string, init?: RequestInit) => [number, unknown]) {
  const calls: { url: string; method: string }[] = [];
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    calls.push({ url, method: init?.method ?? 'GET' });
    const [status, body] = handler(url, init);
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  });
  return calls;
}

function renderStatus(id = 'clicks') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SupervisorStatus id={id} />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  router.pushed = [];
});

describe('SupervisorStatus', () => {
  it('shows state, exact lag, partitions, errors, tasks and what could not be read', async () => {
    respond(() => [200, detail]);
    renderStatus();
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('clicks');
    expect(screen.getByTestId('aggregate-lag').textContent).toBe('9,007,199,254,740,993');
    expect(within(screen.getByRole('table', { name: 'Partitions' })).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('list', { name: 'Recent errors' }).textContent).toContain('TimeoutException');
    expect(screen.getByRole('table', { name: 'Tasks' }).textContent).toContain('1 min');
    expect(screen.getByText('The task list could not be read: timed out')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Edit in the load wizard' }).getAttribute('href')).toBe('/load/edit/clicks');
  });

  it('says clearly when the supervisor does not exist', async () => {
    respond(() => [404, { error: { code: 'not_found', message: 'Druid has no supervisor named "ghost"' } }]);
    renderStatus('ghost');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('There is no supervisor "ghost".');
    expect(alert.textContent).toContain('Druid has no supervisor named "ghost"');
  });

  it('terminates only after the id is typed, then returns to the dashboard', async () => {
    const calls = respond((url, init) => (init?.method === 'POST' ? [200, { id: 'clicks', action: 'terminate', message: 'terminated' }] : [200, detail]));
    renderStatus();
    fireEvent.click(await screen.findByRole('button', { name: 'Terminate…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Type clicks to confirm/), { target: { value: 'clicks' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terminate' }));
    await waitFor(() => expect(router.pushed).toEqual(['/supervisors?terminated=clicks']));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual(['/api/supervisors/clicks/terminate']);
  });

  it('disables the actions of a read-only instance and says why', async () => {
    const calls = respond((url) => (url === '/api/me' ? [200, { mode: 'open', user: null, role: 'viewer', via: 'open', readOnly: true }] : [200, detail]));
    renderStatus();
    await screen.findByText('This Tributary instance is read-only: actions and submits are disabled.');
    for (const name of ['Suspend', 'Reset…', 'Terminate…']) expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it("disables what the user's role may not do, with the reason on the button and below", async () => {
    const me = (role: string) => ({ mode: 'users', user: 'someone', role, via: 'session', readOnly: false });
    respond((url) => (url === '/api/me' ? [200, me('operator')] : [200, detail]));
    renderStatus();
    const terminate = await screen.findByRole('button', { name: 'Terminate…' });
    await waitFor(() => expect(terminate).toHaveProperty('disabled', true));
    expect(terminate.getAttribute('title')).toBe('Terminate needs the admin role; you are an operator.');
    expect(screen.getByRole('button', { name: 'Suspend' })).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: 'Hand off now' })).toHaveProperty('disabled', false);
    expect(screen.getAllByTestId('action-refusal').map((p) => p.textContent)).toEqual(['Move offsets, Reset and Terminate need the admin role; you are an operator.']);
    cleanup();

    respond((url) => (url === '/api/me' ? [200, me('viewer')] : [200, detail]));
    renderStatus();
    await waitFor(() => expect(screen.getAllByTestId('action-refusal')).toHaveLength(2));
    expect(screen.getAllByTestId('action-refusal').map((p) => p.textContent)).toEqual([
      'Suspend and Hand off need the operator role; you are a viewer.',
      'Move offsets, Reset and Terminate need the admin role; you are a viewer.',
    ]);
    for (const name of ['Suspend', 'Hand off now', 'Move offsets…', 'Reset…', 'Terminate…']) expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
    cleanup();

    respond((url) => (url === '/api/me' ? [200, me('admin')] : [200, detail]));
    renderStatus();
    await screen.findByRole('button', { name: 'Terminate…' });
    await waitFor(() => expect(screen.queryAllByTestId('action-refusal')).toHaveLength(0));
    expect(screen.getByRole('button', { name: 'Terminate…' })).toHaveProperty('disabled', false);
  });

  it("shows the server's refusal of an action in words", async () => {
    respond((url, init) => (init?.method === 'POST' ? [403, { error: { code: 'read_only', message: 'This Tributary instance is read-only' } }] : [200, detail]));
    renderStatus();
    fireEvent.click(await screen.findByRole('button', { name: 'Suspend' }));
    expect((await screen.findByText('This Tributary instance is read-only')).getAttribute('role')).toBe('alert');
  });
});
