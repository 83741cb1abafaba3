'use client';
// A datasource's page: every supervisor that writes to it, with its state, topic and lag, each
// linked to its status page.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatCount } from '@/components/supervisors/format';
import { HealthDot, StateBadge } from '@/components/supervisors/state-badge';
import { datasourceQuery } from './api';

export function DatasourceSupervisors({ name }: { name: string }) {
  const view = useQuery(datasourceQuery(name));
  if (view.isPending) return <p className="text-sm text-slate-500">Reading the supervisors of {name}…</p>;
  if (view.isError && !view.data) {
    return (
      <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900">
        <p>{view.error.message}</p>
        <Link href="/supervisors" className="mt-2 inline-block font-medium text-brand-700 hover:underline">
          ← All supervisors
        </Link>
      </div>
    );
  }
  const { supervisors, note } = view.data!;
  return (
    <div className="space-y-3">
      {note && <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">{note}</p>}
      {supervisors.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table aria-label={`Supervisors writing to ${name}`} className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">Supervisor</th>
                <th scope="col" className="px-3 py-2">State</th>
                <th scope="col" className="px-3 py-2">Topic</th>
                <th scope="col" className="px-3 py-2 text-right">Lag</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {supervisors.map((row) => (
                <tr key={row.id} data-supervisor={row.id}>
                  <td className="px-3 py-2">
                    <Link href={`/supervisors/${encodeURIComponent(row.id)}`} className="font-medium text-brand-700 hover:underline">
                      {row.id}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <span className="inline-flex items-center gap-2">
                      <StateBadge state={row.state} detailedState={row.detailedState} healthy={row.healthy} />
                      <HealthDot healthy={row.healthy} />
                    </span>
                  </td>
                  <td className="px-3 py-2 text-slate-700">{row.topic ?? 'unknown'}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    <Link href={`/supervisors/${encodeURIComponent(row.id)}`} className="hover:underline" title="Lag from Kafka on its status page">
                      {formatCount(row.aggregateLag)}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {supervisors.length > 1 && <p className="text-xs text-slate-500">Several supervisors write to this datasource; each reads its own topic into the same table.</p>}
    </div>
  );
}
