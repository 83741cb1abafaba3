'use client';
// What the status page shows for a supervisor Druid no longer runs: its spec history, which Druid
// keeps after a terminate, with each version to download or submit again. An id Druid has never
// seen gets `fallback` instead.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { baselineVersion } from '@/lib/operate';
import { formatTime } from './format';
import { SpecHistory } from './spec-history';
import { supervisorVersionsQuery } from './version-api';

export function TerminatedSupervisor({ id, fallback }: { id: string; fallback: ReactNode }) {
  const versions = useQuery(supervisorVersionsQuery(id));
  if (versions.isPending) return <p className="text-sm text-slate-500">Supervisor {id} is not running; reading its spec history…</p>;
  if (!versions.data?.terminated) return fallback;
  const [terminate] = versions.data.versions;
  const dataSource = (baselineVersion(versions.data.versions)?.spec.spec as { dataSchema?: { dataSource?: unknown } } | undefined)?.dataSchema?.dataSource;
  return (
    <div className="space-y-4">
      <header className="space-y-2">
        <Link href="/supervisors" className="text-sm text-brand-700 hover:underline">
          ← All supervisors
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{id}</h1>
          <span className="rounded bg-rose-50 px-2 py-0.5 text-sm font-medium text-rose-800">TERMINATED</span>
        </div>
        <p className="text-sm text-slate-600">
          Terminated at {formatTime(terminate.version)}
          {typeof dataSource === 'string' && (
            <>
              {' '}
              · wrote datasource{' '}
              <Link href={`/datasources/${encodeURIComponent(dataSource)}`} className="font-medium text-brand-700 hover:underline">
                {dataSource}
              </Link>
            </>
          )}
          . Druid keeps its spec history: download any version, or submit one again to create the supervisor anew.
        </p>
      </header>
      <section aria-label="Spec history" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-base font-semibold text-slate-900">Spec history</h2>
        <SpecHistory id={id} />
      </section>
    </div>
  );
}
