// The dashboard's table: one row per supervisor, the columns an operator scans for trouble.
import Link from 'next/link';
import type { DashboardView, SortKey, SupervisorRow } from '@/lib/operate';
import { formatCount, formatRate, shortClassName } from './format';
import { LagSparkline, trendArrow } from './sparkline';
import { HealthDot, StateBadge } from './state-badge';

/** Which rows are selected for bulk actions; select-all covers the rows shown (the filtered ones). */
export interface TableSelection {
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (id: string) => void;
  readonly onToggleAll: (ids: readonly string[], on: boolean) => void;
}

export function DashboardTable({ rows, view, onSort, selection }: { rows: readonly SupervisorRow[]; view: DashboardView; onSort: (sort: SortKey, dir: 'asc' | 'desc') => void; selection?: TableSelection }) {
  const shownIds = rows.map((row) => row.id);
  const allSelected = selection !== undefined && shownIds.length > 0 && shownIds.every((id) => selection.selected.has(id));
  const sortHeader = (key: SortKey, label: string, firstDir: 'asc' | 'desc', className = '') => {
    const active = view.sort === key;
    const next = active ? (view.dir === 'asc' ? 'desc' : 'asc') : firstDir;
    return (
      <th scope="col" aria-sort={active ? (view.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={`px-3 py-2 ${className}`}>
        <button type="button" onClick={() => onSort(key, next)} className="inline-flex items-center gap-1 font-medium uppercase tracking-wide hover:text-slate-900">
          {label}
          <span aria-hidden>{active ? (view.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
        </button>
      </th>
    );
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table aria-label="Supervisors" className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {selection && (
              <th scope="col" className="w-8 px-3 py-2">
                <input type="checkbox" aria-label="Select all shown supervisors" checked={allSelected} onChange={() => selection.onToggleAll(shownIds, !allSelected)} />
              </th>
            )}
            {sortHeader('id', 'Supervisor', 'asc')}
            <th scope="col" className="px-3 py-2">State</th>
            {sortHeader('lag', 'Lag', 'desc', 'text-right')}
            <th scope="col" className="px-3 py-2">Last hour</th>
            <th scope="col" className="px-3 py-2 text-right">Processed</th>
            {sortHeader('errors', 'Errors', 'desc', 'text-right')}
            <th scope="col" className="px-3 py-2 text-right">Tasks</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} data-supervisor={row.id} className="align-top hover:bg-slate-50">
              {selection && (
                <td className="px-3 py-2">
                  <input type="checkbox" aria-label={`Select ${row.id}`} checked={selection.selected.has(row.id)} onChange={() => selection.onToggle(row.id)} />
                </td>
              )}
              <td className="px-3 py-2">
                <Link href={`/supervisors/${encodeURIComponent(row.id)}`} className="font-medium text-brand-700 hover:underline">
                  {row.id}
                </Link>
                <div className="text-xs text-slate-500">
                  {row.topic ?? 'topic unknown'}
                  {row.datasource && (
                    <>
                      {' → '}
                      <Link href={`/datasources/${encodeURIComponent(row.datasource)}`} className="hover:text-brand-700 hover:underline" aria-label={`Datasource ${row.datasource}`} title="The supervisors writing to this datasource">
                        {row.datasource}
                      </Link>
                    </>
                  )}
                  {row.partitions !== null ? ` · ${row.partitions} partition${row.partitions === 1 ? '' : 's'}` : ''}
                </div>
                {row.problem && <div className="mt-1 text-xs text-rose-700">{row.problem}</div>}
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-col items-start gap-1">
                  <StateBadge state={row.state} detailedState={row.detailedState} healthy={row.healthy} />
                  {row.detailedState !== row.state && <span className="text-xs text-slate-500">{row.detailedState}</span>}
                  <HealthDot healthy={row.healthy} />
                </div>
              </td>
              <td className="px-3 py-2 text-right tabular-nums" data-testid="lag">
                {formatCount(row.aggregateLag)}
                <span className="ml-1 text-slate-400" aria-hidden>
                  {trendArrow(row.lagTrend)}
                </span>
              </td>
              <td className="px-3 py-2">
                <LagSparkline points={row.lagHistory} trend={row.lagTrend} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatRate(row.processedPerSecond)}</td>
              <td className="max-w-xs px-3 py-2 text-right">
                <span className={`tabular-nums ${row.errorsPerSecond ? 'font-medium text-rose-700' : ''}`}>{formatRate(row.errorsPerSecond)}</span>
                {row.recentErrorCount > 0 && (
                  <div className="text-xs text-rose-700" title={row.lastError?.message}>
                    {row.recentErrorCount} recent · {shortClassName(row.lastError?.exceptionClass)}: <span className="line-clamp-1 break-all">{row.lastError?.message}</span>
                  </div>
                )}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-700">
                {row.activeTasks ?? '—'} active
                {row.publishingTasks ? <div className="text-xs text-slate-500">{row.publishingTasks} publishing</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
