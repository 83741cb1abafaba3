// What the dashboard shows of its rows: the filter, state filter and sort a user can share as a
// link (parsed from URL parameters with zod), and the totals above the table. Pure.
import { z } from 'zod';
import type { SupervisorRow } from './schemas';

export const STATE_FILTERS = ['all', 'running', 'suspended', 'unhealthy', 'pending', 'idle'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];
export const SORT_KEYS = ['id', 'lag', 'errors'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface DashboardView {
  readonly q: string;
  readonly state: StateFilter;
  readonly sort: SortKey;
  readonly dir: 'asc' | 'desc';
}

export const DEFAULT_VIEW: DashboardView = { q: '', state: 'all', sort: 'id', dir: 'asc' };

const FIELDS = {
  q: z.string().max(200, 'must be at most 200 characters'),
  state: z.enum(STATE_FILTERS, { message: `must be one of ${STATE_FILTERS.join(', ')}` }),
  sort: z.enum(SORT_KEYS, { message: `must be one of ${SORT_KEYS.join(', ')}` }),
  dir: z.enum(['asc', 'desc'], { message: 'must be asc or desc' }),
};

/** Reads the view from a link; a bad value falls back to its default, and `problems` says which. */
export function parseDashboardView(params: URLSearchParams): { view: DashboardView; problems: string[] } {
  const problems: string[] = [];
  const view: Record<string, unknown> = { ...DEFAULT_VIEW };
  for (const [key, schema] of Object.entries(FIELDS)) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) view[key] = parsed.data;
    else problems.push(`The link's ${key}="${raw}" was ignored: it ${parsed.error.issues[0].message}.`);
  }
  return { view: view as unknown as DashboardView, problems };
}

/** URL parameters for a view, leaving defaults out so links stay short. */
export function dashboardViewParams(view: DashboardView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_VIEW) as (keyof DashboardView)[]) {
    if (view[key] !== DEFAULT_VIEW[key]) params.set(key, view[key]);
  }
  return params;
}

export function isUnhealthy(row: Pick<SupervisorRow, 'healthy' | 'state'>): boolean {
  return !row.healthy || row.state.startsWith('UNHEALTHY_');
}

function matchesState(row: SupervisorRow, filter: StateFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unhealthy':
      return isUnhealthy(row);
    default:
      return row.state === filter.toUpperCase();
  }
}

function matchesText(row: SupervisorRow, needle: string): boolean {
  if (!needle) return true;
  return [row.id, row.datasource, row.topic].some((value) => value?.toLowerCase().includes(needle));
}

function compareLag(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const diff = BigInt(a) - BigInt(b);
  return diff === 0n ? 0 : diff > 0n ? 1 : -1;
}

const errorScore = (row: SupervisorRow) => (row.errorsPerSecond ?? 0) * 1e6 + row.recentErrorCount;

export function applyDashboardView(rows: readonly SupervisorRow[], view: DashboardView): SupervisorRow[] {
  const needle = view.q.trim().toLowerCase();
  const shown = rows.filter((row) => matchesState(row, view.state) && matchesText(row, needle));
  const sign = view.dir === 'asc' ? 1 : -1;
  const byKey = (a: SupervisorRow, b: SupervisorRow): number => {
    if (view.sort === 'lag') {
      // Rows without a lag stay at the bottom whichever way the column is sorted.
      if (a.aggregateLag === null || b.aggregateLag === null) return compareLag(a.aggregateLag, b.aggregateLag);
      return sign * compareLag(a.aggregateLag, b.aggregateLag);
    }
    if (view.sort === 'errors') return sign * (errorScore(a) - errorScore(b));
    return sign * a.id.localeCompare(b.id);
  };
  return shown.sort((a, b) => byKey(a, b) || a.id.localeCompare(b.id));
}

export interface DashboardTotals {
  readonly supervisors: number;
  readonly unhealthy: number;
  readonly suspended: number;
  /** Exact sum of every known aggregate lag. */
  readonly totalLag: string;
  readonly processedPerSecond: number;
}

export function dashboardTotals(rows: readonly SupervisorRow[]): DashboardTotals {
  return {
    supervisors: rows.length,
    unhealthy: rows.filter(isUnhealthy).length,
    suspended: rows.filter((row) => row.suspended).length,
    totalLag: rows.reduce((sum, row) => sum + (row.aggregateLag ? BigInt(row.aggregateLag) : 0n), 0n).toString(),
    processedPerSecond: rows.reduce((sum, row) => sum + (row.processedPerSecond ?? 0), 0),
  };
}
