'use client';
// The audit trail as a table, newest first: who, when, from where, what, how it ended, and
// what Druid said. A row opens to show what a submit changed and the full details.
import Link from 'next/link';
import { Fragment, useState } from 'react';
import { formatTime } from '@/components/supervisors/format';
import type { AuditEntry } from '@/lib/operate/audit-entry';
import { AuditChangesList, changesHeadline } from './audit-changes';
import { OutcomeBadge } from './outcome-badge';

function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function who(entry: AuditEntry): string {
  const name = entry.user ?? (entry.via === 'open' ? 'anyone (open access)' : 'not signed in');
  return entry.role ? `${name} · ${entry.role}` : name;
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  return (
    <dl className="grid gap-x-4 gap-y-1 text-xs sm:grid-cols-[10rem_1fr]">
      {entry.changes && (
        <>
          <dt className="font-medium text-slate-600">What changed</dt>
          <dd>
            <p className="mb-1">{changesHeadline(entry.changes)}</p>
            <AuditChangesList changes={entry.changes} />
          </dd>
        </>
      )}
      {entry.detail && (
        <>
          <dt className="font-medium text-slate-600">Details</dt>
          <dd className="whitespace-pre-wrap">{entry.detail}</dd>
        </>
      )}
      <dt className="font-medium text-slate-600">Druid answered</dt>
      <dd>{entry.druidStatus === null ? (entry.druidAnswer ?? 'nothing: the request did not reach Druid') : `HTTP ${entry.druidStatus}${entry.druidAnswer ? `: ${entry.druidAnswer}` : ''}`}</dd>
      {entry.specHash && (
        <>
          <dt className="font-medium text-slate-600">Spec hash (sha256)</dt>
          <dd className="break-all font-mono">{entry.specHash}</dd>
        </>
      )}
      <dt className="font-medium text-slate-600">Signed in via</dt>
      <dd>{entry.via ?? '—'}</dd>
      {entry.resolvedAt && (
        <>
          <dt className="font-medium text-slate-600">Outcome read back</dt>
          <dd>{formatTime(entry.resolvedAt)}</dd>
        </>
      )}
    </dl>
  );
}

export function AuditTable({ entries, showSupervisor = true }: { entries: readonly AuditEntry[]; showSupervisor?: boolean }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns = showSupervisor ? 8 : 7;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table aria-label="Audit trail" className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">When (UTC)</th>
            <th className="px-3 py-2">Who</th>
            <th className="px-3 py-2">From</th>
            <th className="px-3 py-2">Action</th>
            {showSupervisor && <th className="px-3 py-2">Supervisor</th>}
            <th className="px-3 py-2">Outcome</th>
            <th className="px-3 py-2 text-right">Took</th>
            <th className="px-3 py-2">
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => {
            const expanded = open.has(entry.id);
            const headline = changesHeadline(entry.changes);
            return (
              <Fragment key={entry.id}>
                <tr data-audit-entry={entry.id} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatTime(entry.at).replace(' UTC', '')}</td>
                  <td className="px-3 py-2">{who(entry)}</td>
                  <td className="px-3 py-2 font-mono text-xs">{entry.clientAddress ?? '—'}</td>
                  <td className="px-3 py-2">
                    <span className="font-medium">{entry.action}</span>
                    {headline && <span className="block text-xs text-slate-500">{headline}</span>}
                  </td>
                  {showSupervisor && (
                    <td className="px-3 py-2">
                      {entry.supervisorId ? (
                        <Link href={`/supervisors/${encodeURIComponent(entry.supervisorId)}`} className="text-brand-700 hover:underline">
                          {entry.supervisorId}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                  )}
                  <td className="px-3 py-2">
                    <OutcomeBadge entry={entry} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMs(entry.durationMs)}</td>
                  <td className="px-3 py-2">
                    <button type="button" aria-expanded={expanded} onClick={() => toggle(entry.id)} className="text-xs font-medium text-brand-700 hover:underline">
                      {expanded ? 'Hide' : 'Details'}
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr className="bg-slate-50/60">
                    <td colSpan={columns} className="px-3 py-3">
                      <EntryDetails entry={entry} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
