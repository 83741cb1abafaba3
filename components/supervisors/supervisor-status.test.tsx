// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FreshnessResponse, LagReport, MetricsResponse, SupervisorDetail } from '@/lib/operate';
import { SupervisorStatus } from './supervisor-status';

const router = vi.hoisted(() => ({ pushed: [] as string[] }));
const search = vi.hoisted(() => ({ params: new URLSearchParams(), replaced: [] as string[] }));
vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: (url: string) => router.pushed.push(url), replace: (url: string) => search.replaced.push(url) }),
  useSearchParams: () => search.params,
}));
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

const lag: LagReport = {
  supervisorId: 'clicks',
  topic: 'web-clicks',
  partitions: [
    { partition: 0, currentOffset: '10', latestOffset: '5010', lag: '5000', timeLagMs: 95_000 },
    { partition: 1, currentOffset: '20', latestOffset: '20', lag: '0', timeLagMs: 0 },
  ],
  totalLag: '5000',
  maxTimeLagMs: 95_000,
  etaSeconds: 250,
  producedPerSec: 10,
  consumedPerSec: 30,
  direction: 'draining',
  offsetSource: 'tasks',
  measuredAt: '2026-01-01T00:00:00.000Z',
  problems: [],
};

const point = (time: string, totalLag: string) => ({
  time,
  state: 'RUNNING',
  healthy: true,
  totalLag,
  maxTimeLagMs: 1000,
  processedPerSec: 30,
  unparseablePerSec: 0,
  thrownAwayPerSec: 0,
  processedWithErrorPerSec: 0,
  producedPerSec: 10,
  consumedPerSec: 30,
  tasks: 1,
  failedTasks: 0,
});
const metrics: MetricsResponse = {
  supervisorId: 'clicks',
  since: '2026-01-01T00:00:00.000Z',
  until: '2026-01-01T01:00:00.000Z',
  stepSeconds: 0,
  collectIntervalMs: 15_000,
  points: [point('2026-01-01T00:00:00.000Z', '9000'), point('2026-01-01T00:00:15.000Z', '5000')],
};
const freshness: FreshnessResponse = { supervisorId: 'clicks', lastMs: 180, p50Ms: 150, p95Ms: 1400, samples: [{ time: '2026-01-01T00:00:00.000Z', freshnessMs: 180, seen: true }], note: null };

/** The monitoring routes answer with the fixtures above unless a test's handler answers them itself. */
function monitoring(url: string): [number, unknown] | undefined {
  if (url.endsWith('/lag')) return [200, lag];
  if (url.includes('/metrics?')) return [200, metrics];
  if (url.endsWith('/freshness')) return [200, freshness];
  if (url.endsWith('/diagnosis')) return [200, { supervisorId: 'clicks', checkedAt: '2026-01-01T00:00:00.000Z', findings: [], problems: [] }];
  return undefined;
}

function respond(handler: (url: string, init?: RequestInit) => [number, unknown]) {
  const calls: { url: string; method: string }[] = [];
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    calls.push({ url, method: init?.method ?? 'GET' });
    const [status, body] = (init?.method ?? 'GET') === 'GET' ? (monitoring(url) ?? handler(url, init)) : handler(url, init);
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
  search.params = new URLSearchParams();
  search.replaced = [];
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

  it("shows lag as Kafka sees it, when it will have drained, and the freshness probes' figures", async () => {
    respond(() => [200, detail]);
    renderStatus();
    expect((await screen.findByTestId('lag-direction')).textContent).toBe('Draining: caught up in ~4 min');
    expect(screen.getByTestId('kafka-total-lag').textContent).toBe('5,000');
    expect(screen.getByTestId('max-time-lag').textContent).toBe('1 min');
    const partitions = within(screen.getByRole('table', { name: 'Partitions' }));
    expect(partitions.getAllByRole('row')[1].textContent).toContain('1 min');
    expect(screen.getByRole('region', { name: 'Freshness' }).textContent).toContain('last 180 ms · p50 150 ms · p95 1.4 s');
  });

  it('reads the history of the range in the URL, and puts a newly chosen range there', async () => {
    search.params = new URLSearchParams('range=1d');
    const calls = respond(() => [200, detail]);
    renderStatus();
    const group = await screen.findByRole('group', { name: 'History range' });
    expect(within(group).getByRole('button', { name: 'Last day' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(calls.some((c) => c.url.includes('/metrics?since='))).toBe(true));
    const since = new URL(calls.find((c) => c.url.includes('/metrics?'))!.url, 'http://app').searchParams.get('since')!;
    expect(Date.now() - Date.parse(since)).toBeGreaterThan(86_000_000);
    fireEvent.click(within(group).getByRole('button', { name: 'Last week' }));
    expect(search.replaced).toEqual(['?range=1w']);
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
