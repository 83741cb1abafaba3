'use client';
// A supervisor's status page: state and actions, lag and throughput over time, partitions, errors,
// tasks, the spec and its history. Refreshes every few seconds while the tab is visible.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ApiRequestError } from '@/components/ui/fetch-json';
import { supervisorQuery } from './api';
import { formatCount, formatRate, formatTime } from './format';
import { LagChart } from './lag-chart';
import { PartitionsTable } from './partitions-table';
import { RecentActions } from './recent-actions';
import { RecentErrors } from './recent-errors';
import { SpecHistory } from './spec-history';
import { SpecPanel } from './spec-panel';
import { HealthDot, StateBadge } from './state-badge';
import { SupervisorActions } from './supervisor-actions';
import { TasksTable } from './tasks-table';
import { ThroughputChart, useThroughputHistory } from './throughput-chart';

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
  const throughput = useThroughputHistory(detail.data?.throughput, detail.dataUpdatedAt);

  if (detail.isPending) return <p className="text-sm text-slate-500">Reading supervisor {id} from the Overlord…</p>;
  if (detail.isError && !detail.data) {
    const gone = detail.error instanceof ApiRequestError && detail.error.status === 404;
    return (
      <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900">
        <p className="font-medium">{gone ? `There is no supervisor "${id}".` : `Supervisor "${id}" could not be read.`}</p>
        <p>{detail.error.message}</p>
        <Link href="/supervisors" className="mt-2 inline-block font-medium text-brand-700 hover:underline">
          ← All supervisors
        </Link>
      </div>
    );
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
          Reads <span className="font-medium">{status.stream ?? 'an unknown topic'}</span> into datasource <span className="font-medium">{status.dataSource}</span>
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

      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Lag over time" aside={status.offsetsLastUpdated ? `offsets as of ${formatTime(status.offsetsLastUpdated)}` : undefined}>
          <LagChart points={data.lagHistory} />
        </Section>
        <Section title="Throughput" aside="1-minute moving averages">
          <ThroughputChart points={throughput} />
        </Section>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Partitions">
          <PartitionsTable partitions={data.partitions} />
        </Section>
        <Section title="Recent errors" aside={data.totals ? `${formatCount(data.totals.unparseable)} unparseable · ${formatCount(data.totals.processedWithError)} with errors · ${formatCount(data.totals.thrownAway)} thrown away` : undefined}>
          <RecentErrors errors={status.recentErrors ?? []} />
        </Section>
      </div>
      <Section title="Tasks">
        <TasksTable tasks={data.tasks} />
      </Section>
      <Section title="Recent actions" aside="from Tributary's audit trail">
        <RecentActions id={id} />
      </Section>
      <Section title="Spec">
        <SpecPanel id={id} spec={data.spec} curl={data.curl} />
      </Section>
      <Section title="Spec history">
        <SpecHistory history={data.history} />
      </Section>
    </div>
  );
}
