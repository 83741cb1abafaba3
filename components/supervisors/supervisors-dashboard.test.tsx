// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SupervisorList, SupervisorRow } from '@/lib/operate';
import { SupervisorsDashboard } from './supervisors-dashboard';

const navigation = vi.hoisted(() => ({ search: '', replaced: [] as string[] }));
vi.mock('next/navigation', () => ({
  useSearchParams: () => new URLSearchParams(navigation.search),
  usePathname: () => '/supervisors',
  useRouter: () => ({ replace: (url: string) => navigation.replaced.push(url), push: vi.fn() }),
}));

function row(id: string, fields: Partial<SupervisorRow> = {}): SupervisorRow {
  return {
    id,
    datasource: id,
    topic: id,
    state: 'RUNNING',
    detailedState: 'RUNNING',
    healthy: true,
    suspended: false,
    aggregateLag: '0',
    partitions: 6,
    lagTrend: 'steady',
    lagHistory: [{ t: 0, lag: '0' }],
    processedPerSecond: 3,
    errorsPerSecond: 0,
    recentErrorCount: 0,
    lastError: null,
    activeTasks: 1,
    publishingTasks: 0,
    problem: null,
    ...fields,
  };
}

const list: SupervisorList = {
  refreshedAt: '2026-01-01T00:00:00.000Z',
  refreshIntervalMs: 5000,
  supervisors: [
    row('web-clickstream', { aggregateLag: '1234567' }),
    row('payments', {
      state: 'UNHEALTHY_TASKS',
      detailedState: 'UNHEALTHY_TASKS',
      healthy: false,
      errorsPerSecond: 2.5,
      recentErrorCount: 3,
      lastError: { timestamp: null, exceptionClass: 'org.apache.druid.java.util.common.parsers.ParseException', message: 'Unable to parse row' },
    }),
  ],
};

function answer(body: unknown, status = 200) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

function renderDashboard() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SupervisorsDashboard />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  navigation.search = '';
  navigation.replaced = [];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SupervisorsDashboard', () => {
  it('shows each supervisor with state, exact lag, errors and totals', async () => {
    vi.stubGlobal('fetch', () => answer(list));
    renderDashboard();
    const table = await screen.findByRole('table', { name: 'Supervisors' });
    const web = within(table).getByRole('link', { name: 'web-clickstream' }).closest('tr')!;
    expect(web.getAttribute('data-supervisor')).toBe('web-clickstream');
    expect(within(web).getByTestId('lag').textContent).toContain('1,234,567');
    expect(within(web).getByTestId('state-badge').textContent).toBe('RUNNING');
    const payments = within(table).getByRole('link', { name: 'payments' }).closest('tr')!;
    expect(payments.textContent).toContain('3 recent · ParseException');
    expect(screen.getByTestId('total-supervisors').textContent).toBe('2');
    expect(screen.getByTestId('total-unhealthy').textContent).toBe('1');
    expect(screen.getByTestId('total-lag').textContent).toBe('1,234,567');
  });

  it("shows Druid's error in a banner instead of an empty table", async () => {
    vi.stubGlobal('fetch', () => answer({ error: { code: 'druid_unreachable', message: "Could not reach Druid's Router at http://druid:8888: connection refused" } }, 502));
    renderDashboard();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Could not reach Druid's Router at http://druid:8888");
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('applies the state filter and sort from the link, and writes changes back to it', async () => {
    navigation.search = 'state=unhealthy';
    vi.stubGlobal('fetch', () => answer(list));
    renderDashboard();
    const table = await screen.findByRole('table', { name: 'Supervisors' });
    expect(within(table).queryByRole('link', { name: 'web-clickstream' })).toBeNull();
    expect(within(table).getByRole('link', { name: 'payments' })).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: /Lag/ }));
    expect(navigation.replaced.at(-1)).toBe('/supervisors?state=unhealthy&sort=lag&dir=desc');
    fireEvent.change(screen.getByLabelText('Find a supervisor'), { target: { value: 'pay' } });
    expect(navigation.replaced.at(-1)).toBe('/supervisors?q=pay&state=unhealthy');
  });

  it('says which part of a bad link it ignored', async () => {
    navigation.search = 'sort=size';
    vi.stubGlobal('fetch', () => answer(list));
    renderDashboard();
    expect((await screen.findByText(/sort="size" was ignored/)).textContent).toContain('must be one of id, lag, errors');
  });
  it('suspends the selected supervisors after a summary of what each will do, then lists each state read back', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      if (url !== '/api/supervisors/bulk') return answer(list);
      sent.push(JSON.parse(String(init?.body)));
      return answer({
        action: 'suspend',
        summary: '2 suspended',
        results: ['web-clickstream', 'payments'].map((id) => ({ id, ok: true, acted: true, message: `Supervisor "${id}" is suspended. Druid reports it SUSPENDED (read at 10:00:00 UTC).`, state: 'SUSPENDED', readAt: '2026-01-01T10:00:00.000Z' })),
      });
    });
    renderDashboard();
    fireEvent.click(await screen.findByLabelText('Select all shown supervisors'));
    const bar = screen.getByTestId('bulk-actions');
    expect(bar.textContent).toContain('2 selected:');
    fireEvent.click(within(bar).getByRole('button', { name: 'Suspend' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Suspend 2 supervisors: web-clickstream, payments');
    expect(within(dialog).getByTestId('bulk-summary').textContent).toBe('2 will stop reading and publish what they have read (web-clickstream, payments)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Suspend 2' }));
    const results = await screen.findByTestId('bulk-results');
    expect(sent).toEqual([{ action: 'suspend', ids: ['web-clickstream', 'payments'] }]);
    expect(results.textContent).toContain('Suspend: 2 suspended');
    expect(within(results).getAllByTestId('state-after').map((e) => e.textContent)).toEqual(['SUSPENDED', 'SUSPENDED']);
    // The selection is cleared once done.
    expect((screen.getByLabelText('Select web-clickstream') as HTMLInputElement).checked).toBe(false);
  });

  it('asks for the word typed before terminating a selection', async () => {
    vi.stubGlobal('fetch', () => answer(list));
    renderDashboard();
    fireEvent.click(await screen.findByLabelText('Select payments'));
    fireEvent.click(within(screen.getByTestId('bulk-actions')).getByRole('button', { name: 'Terminate…' }));
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Terminate 1' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByLabelText(/Type .* to confirm/), { target: { value: 'terminate' } });
    expect(confirm).toHaveProperty('disabled', false);
  });
});
