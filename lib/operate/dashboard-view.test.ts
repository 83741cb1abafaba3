import { describe, expect, it } from 'vitest';
import { applyDashboardView, dashboardTotals, dashboardViewParams, DEFAULT_VIEW, parseDashboardView } from './dashboard-view';
import type { SupervisorRow } from './schemas';

function row(id: string, fields: Partial<SupervisorRow> = {}): SupervisorRow {
  return {
    id,
    datasource: id,
    topic: `${id}-topic`,
    state: 'RUNNING',
    detailedState: 'RUNNING',
    healthy: true,
    suspended: false,
    aggregateLag: '0',
    partitions: 3,
    lagTrend: 'steady',
    lagHistory: [],
    processedPerSecond: 10,
    errorsPerSecond: 0,
    recentErrorCount: 0,
    lastError: null,
    activeTasks: 1,
    publishingTasks: 0,
    problem: null,
    ...fields,
  };
}

const rows = [
  row('payments', { aggregateLag: '9007199254740993' }),
  row('ad-clicks', { aggregateLag: '12', errorsPerSecond: 3 }),
  row('crypto', { state: 'SUSPENDED', suspended: true, aggregateLag: null, processedPerSecond: null }),
  row('web', { state: 'UNHEALTHY_TASKS', healthy: false, aggregateLag: '9007199254740992', topic: 'web-clickstream' }),
];

describe('parseDashboardView', () => {
  it('reads filter, state and sort from a link', () => {
    const { view, problems } = parseDashboardView(new URLSearchParams('q=web&state=unhealthy&sort=lag&dir=desc'));
    expect(view).toEqual({ q: 'web', state: 'unhealthy', sort: 'lag', dir: 'desc' });
    expect(problems).toEqual([]);
  });

  it('falls back to the default for a bad value and says which', () => {
    const { view, problems } = parseDashboardView(new URLSearchParams('state=broken&sort=lag'));
    expect(view).toEqual({ ...DEFAULT_VIEW, sort: 'lag' });
    expect(problems).toEqual(['The link\'s state="broken" was ignored: it must be one of all, running, suspended, unhealthy, pending, idle.']);
  });

  it('round-trips through URL parameters, leaving defaults out', () => {
    const view = { ...DEFAULT_VIEW, q: 'pay', sort: 'errors' as const };
    expect(dashboardViewParams(view).toString()).toBe('q=pay&sort=errors');
    expect(parseDashboardView(dashboardViewParams(view)).view).toEqual(view);
  });
});

describe('applyDashboardView', () => {
  it('finds supervisors by id, datasource or topic', () => {
    expect(applyDashboardView(rows, { ...DEFAULT_VIEW, q: 'CLICKSTREAM' }).map((r) => r.id)).toEqual(['web']);
  });

  it('filters by state, counting UNHEALTHY_* and unhealthy ones together', () => {
    expect(applyDashboardView(rows, { ...DEFAULT_VIEW, state: 'unhealthy' }).map((r) => r.id)).toEqual(['web']);
    expect(applyDashboardView(rows, { ...DEFAULT_VIEW, state: 'suspended' }).map((r) => r.id)).toEqual(['crypto']);
  });

  it('sorts by exact lag, largest first, with unknown lags last', () => {
    expect(applyDashboardView(rows, { ...DEFAULT_VIEW, sort: 'lag', dir: 'desc' }).map((r) => r.id)).toEqual(['payments', 'web', 'ad-clicks', 'crypto']);
    expect(applyDashboardView(rows, { ...DEFAULT_VIEW, sort: 'lag', dir: 'asc' }).map((r) => r.id)).toEqual(['ad-clicks', 'web', 'payments', 'crypto']);
  });

  it('sorts by errors', () => {
    expect(applyDashboardView(rows, { ...DEFAULT_VIEW, sort: 'errors', dir: 'desc' })[0].id).toBe('ad-clicks');
  });
});

describe('dashboardTotals', () => {
  it('counts supervisors, unhealthy ones and sums lag exactly', () => {
    expect(dashboardTotals(rows)).toEqual({
      supervisors: 4,
      unhealthy: 1,
      suspended: 1,
      totalLag: '18014398509481997',
      processedPerSecond: 30,
    });
  });
});
