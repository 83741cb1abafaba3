'use client';
// A supervisor's status page: state and actions, lag from Kafka with its history and freshness,
// rates, partitions, errors, tasks, the spec and its history. Refreshes while the tab is visible.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { ApiRequestError } from '@/components/ui/fetch-json';
import { supervisorQuery } from './api';
import { DiagnosisPanel } from './diagnosis-panel';
import { formatCount, formatRate, formatTime } from './format';
import { FreshnessChart, freshnessSummary, useFreshness } from './freshness-chart';
import { LagHistoryChart, RangePicker, RatesHistoryChart, useHistory } from './history-charts';
import { LagPanel } from './lag-panel';
import { historyRangeOf, supervisorLagQuery, type HistoryRange } from './monitoring-api';
import { PartitionsTable } from './partitions-table';
import { RecentActions } from './recent-actions';
import { RecentErrors } from './recent-errors';
import { SpecHistory } from './spec-history';
import { SpecPanel } from './spec-panel';
import { HealthDot, StateBadge } from './state-badge';
import { SupervisorActions } from './supervisor-actions';
import { TasksTable } from './tasks-table';
import { TerminatedSupervisor } from './version-terminated';

function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {aside && <div className="text-xs text-slate-500">{aside}</div>}
      </div>
      {children}
    </section>
  );
}

export function SupervisorStatus({ id }: { id: string }) {
  const detail = useQuery(supervisorQuery(id));
  const lag = useQuery({ ...supervisorLagQuery(id), enabled: detail.isSuccess });
  const router = useRouter();
  const search = useSearchParams();
  const range = historyRangeOf(search?.get('range'));
  const history = useHistory(id, range);
  const freshness = useFreshness(id);
  const chooseRange = (next: HistoryRange) => {
    const params = new URLSearchParams(search?.toString());
    params.set('range', next);
    router.replace(`?${params.toString()}`, { scroll: false });
  };

  if (detail.isPending) return <p className="text-sm text-slate-500">Reading supervisor {id} from the Overlord…</p>;
  if (detail.isError && !detail.data) {
    const gone = detail.error instanceof ApiRequestError && detail.error.status === 404;
    const alert = (
      <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900">
        <p className="font-medium">{gone ? `There is no supervisor "${id}".` : `Supervisor "${id}" could not be read.`}</p>
        <p>{detail.error.message}</p>
        <Link href="/supervisors" className="mt-2 inline-block font-medium text-brand-700 hover:underline">
          ← All supervisors
        </Link>
      </div>
    );
    // Druid keeps a terminated supervisor's history: that is shown instead when there is one.
    return gone ? <TerminatedSupervisor id={id} fallback={alert} /> : alert;
  }
  const data = detail.data!;
  const status = data.status;

  return (
    <div className="space-y-4">
      <header className="space-y-3">
        <Link href="/supervisors" className="text-sm text-brand-700 hover:underline">
          ← All supervisors
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{id}</h1>
          <StateBadge state={status.state} detailedState={status.detailedState} healthy={status.healthy} />
          <HealthDot healthy={status.healthy} />
          {status.detailedState !== status.state && <span className="text-sm text-slate-600" data-testid="detailed-state">{status.detailedState}</span>}
        </div>
        <p className="text-sm text-slate-600">
          Reads <span className="font-medium">{status.stream ?? 'an unknown topic'}</span> into datasource{' '}
          <Link href={`/datasources/${encodeURIComponent(status.dataSource)}`} className="font-medium text-brand-700 hover:underline">
            {status.dataSource}
          </Link>
          {status.partitions != null ? ` · ${status.partitions} partitions` : ''} · lag <span className="font-medium tabular-nums" data-testid="aggregate-lag">{formatCount(status.aggregateLag)}</span>
          {data.throughput ? ` · ${formatRate(data.throughput.processedPerSecond)} processed` : ''}
        </p>
        <SupervisorActions id={id} suspended={status.suspended} partitions={data.partitions} taskGroupIds={data.taskGroupIds} />
        {detail.isError && (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            The latest refresh failed ({detail.error.message}); showing what was read at {formatTime(data.refreshedAt)}.
          </p>
        )}
        {data.problems.map((problem) => (
          <p key={problem} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {problem}
          </p>
        ))}
      </header>

      <DiagnosisPanel id={id} />

      <Section title="Lag from Kafka">
        <LagPanel report={lag.data} error={lag.error} />
      </Section>
      <div className="flex items-center justify-end">
        <RangePicker range={range} onChange={chooseRange} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Lag over time" aside="messages, and the age of the oldest unread message">
          <LagHistoryChart rows={history.rows} range={range} error={history.metrics.error} />
        </Section>
        <Section title="Freshness" aside={freshnessSummary(freshness.data) ?? 'Kafka timestamp to queryable, per probe'}>
          <FreshnessChart freshness={freshness.data} error={freshness.error} />
        </Section>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Rates" aside="per second, from the stored samples">
          <RatesHistoryChart rows={history.rows} range={range} error={history.metrics.error} />
        </Section>
        <Section title="Partitions" aside={lag.data ? 'from Kafka and Druid' : status.offsetsLastUpdated ? `Druid's offsets as of ${formatTime(status.offsetsLastUpdated)}` : undefined}>
          <PartitionsTable partitions={lag.data?.partitions.length ? lag.data.partitions.map((p) => ({ ...p, partition: String(p.partition), taskId: null })) : data.partitions} />
        </Section>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Recent errors" aside={data.totals ? `${formatCount(data.totals.unparseable)} unparseable · ${formatCount(data.totals.processedWithError)} with errors · ${formatCount(data.totals.thrownAway)} thrown away` : undefined}>
          <RecentErrors errors={status.recentErrors ?? []} />
        </Section>
        <Section title="Tasks">
          <TasksTable tasks={data.tasks} />
        </Section>
      </div>
      <Section title="Recent actions" aside="from Tributary's audit trail">
        <RecentActions id={id} />
      </Section>
      <Section title="Spec">
        <SpecPanel id={id} spec={data.spec} curl={data.curl} />
      </Section>
      <Section title="Spec history">
        <SpecHistory id={id} />
      </Section>
    </div>
  );
}
