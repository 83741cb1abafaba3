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
});
