'use client';
// The Operate dashboard: every supervisor in one dense table, refreshed every few seconds. Filter,
// state filter and sort live in the URL, so a view can be shared as a link.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { RoleNotice } from '@/components/access/role-notice';
import { ACTION_LABELS, applyDashboardView, dashboardTotals, dashboardViewParams, parseDashboardView, roleForAction, STATE_FILTERS, SUBMIT_ROLE, SUPERVISOR_ACTIONS, type DashboardView } from '@/lib/operate';
import { supervisorsQuery } from './api';
import { BulkActions } from './bulk-actions';
import { DashboardTable } from './dashboard-table';
import { formatCount, formatRate, formatTime } from './format';

/** What can be done to supervisors from here and their status pages, for the role notice. */
const OPERATIONS = [{ need: SUBMIT_ROLE, what: 'Submitting' }, ...SUPERVISOR_ACTIONS.map((action) => ({ need: roleForAction(action), what: ACTION_LABELS[action] }))];

const STATE_LABELS: Record<DashboardView['state'], string> = {
  all: 'All states',
  running: 'Running',
  suspended: 'Suspended',
  unhealthy: 'Unhealthy',
  pending: 'Pending',
  idle: 'Idle',
};

export function SupervisorsDashboard() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const { view, problems } = parseDashboardView(new URLSearchParams(params.toString()));
  const [text, setText] = useState(view.q);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const list = useQuery(supervisorsQuery());

  const navigate = (change: Partial<DashboardView>) => {
    const query = dashboardViewParams({ ...view, ...change }).toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  const rows = list.data?.supervisors ?? [];
  const shown = applyDashboardView(rows, { ...view, q: text });
  const totals = dashboardTotals(rows);

  const terminated = params.get('terminated');
  // A supervisor gone from the list (terminated) is no longer selected.
  const selectedIds = rows.filter((row) => selected.has(row.id)).map((row) => row.id);
  const selection = {
    selected,
    onToggle: (id: string) => setSelected((now) => (now.has(id) ? new Set([...now].filter((s) => s !== id)) : new Set([...now, id]))),
    onToggleAll: (ids: readonly string[], on: boolean) => setSelected((now) => (on ? new Set([...now, ...ids]) : new Set([...now].filter((s) => !ids.includes(s))))),
  };

  return (
    <section aria-label="Supervisors" className="space-y-4">
      <RoleNotice items={OPERATIONS} />
      {terminated && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Supervisor {terminated} was terminated: its tasks publish what they have read and stop.{' '}
          <Link href={`/supervisors/${encodeURIComponent(terminated)}`} className="font-medium underline">
            Its spec history
          </Link>{' '}
          stays in Druid.
        </p>
      )}
      {problems.map((problem) => (
        <p key={problem} role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {problem}
        </p>
      ))}
      {list.isError && (
        <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900">
          <p className="font-medium">Druid&apos;s supervisors could not be read.</p>
          <p>{list.error.message}</p>
          {list.data && <p className="mt-1 text-rose-800">The table below is as of {formatTime(list.data.refreshedAt)}; it refreshes when Druid answers again.</p>}
        </div>
      )}

      {list.data && (
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Totals">
        <Total label="Supervisors" value={String(totals.supervisors)} testId="total-supervisors" />
        <Total label="Unhealthy" value={String(totals.unhealthy)} tone={totals.unhealthy > 0 ? 'bad' : undefined} testId="total-unhealthy" />
        <Total label="Total lag (messages)" value={formatCount(totals.totalLag)} testId="total-lag" />
        <Total label="Processed" value={formatRate(totals.processedPerSecond)} testId="total-processed" />
      </dl>
      )}

      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="supervisor-filter" className="block text-sm font-medium text-slate-700">
            Find a supervisor
          </label>
          <input
            id="supervisor-filter"
            type="search"
            value={text}
            placeholder="Supervisor, datasource or topic"
            onChange={(e) => {
              setText(e.target.value);
              navigate({ q: e.target.value });
            }}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none"
          />
        </div>
        <div>
          <label htmlFor="state-filter" className="block text-sm font-medium text-slate-700">
            State
          </label>
          <select
            id="state-filter"
            value={view.state}
            onChange={(e) => navigate({ state: e.target.value as DashboardView['state'] })}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          >
            {STATE_FILTERS.map((state) => (
              <option key={state} value={state}>
                {STATE_LABELS[state]}
              </option>
            ))}
          </select>
        </div>
        <p className="ml-auto text-xs text-slate-500" aria-live="polite">
          {list.data ? `Updated ${formatTime(list.data.refreshedAt)} · every ${list.data.refreshIntervalMs / 1000} s while this tab is visible` : null}
        </p>
      </div>

      {list.isPending && <p className="text-sm text-slate-500">Reading supervisors from the Overlord…</p>}
      {list.data && rows.length === 0 && (
        <div className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">
          <p>Druid runs no supervisors yet.</p>
          <Link href="/load" className="mt-2 inline-block font-medium text-brand-700 hover:underline">
            Load a Kafka topic →
          </Link>
        </div>
      )}
      {rows.length > 0 && (
        <>
          <BulkActions ids={selectedIds} rows={rows} onDone={() => setSelected(new Set())} />
          <DashboardTable rows={shown} view={view} onSort={(sort, dir) => navigate({ sort, dir })} selection={selection} />
          {shown.length === 0 && <p className="text-sm text-slate-600">No supervisor matches this filter.</p>}
        </>
      )}
    </section>
  );
}

function Total({ label, value, tone, testId }: { label: string; value: string; tone?: 'bad'; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd data-testid={testId} className={`mt-1 text-xl font-semibold tabular-nums ${tone === 'bad' ? 'text-rose-700' : 'text-slate-900'}`}>
        {value}
      </dd>
    </div>
  );
}
