// What a submit changed, as its audit entry keeps it: created, unchanged, or each change with the
// risks it carries for the data.
import type { AuditChanges } from '@/lib/operate/audit-entry';

export function changesHeadline(changes: AuditChanges | null): string | null {
  if (!changes) return null;
  if (changes.submit === 'created') return 'created the supervisor';
  if (changes.submit === 'unchanged') return 'no change: Druid already ran this spec';
  const count = changes.changes.length + changes.omitted;
  return `${count} change${count === 1 ? '' : 's'}${changes.risks.length ? `, ${changes.risks.length} risk${changes.risks.length === 1 ? '' : 's'}` : ''}`;
}

export function AuditChangesList({ changes }: { changes: AuditChanges }) {
  return (
    <div className="space-y-1">
      {changes.risks.map((risk) => (
        <p key={risk.title} className={`rounded px-2 py-1 text-xs ${risk.severity === 'high' ? 'bg-rose-50 text-rose-900' : 'bg-amber-50 text-amber-900'}`}>
          {risk.title}
        </p>
      ))}
      {changes.changes.length > 0 && (
        <ul aria-label="Changes" className="space-y-0.5">
          {changes.changes.map((change) => (
            <li key={`${change.path}-${change.kind}`} className="font-mono text-xs">
              <span className="text-slate-600">{change.path}</span>{' '}
              {change.kind === 'added' && <span className="text-emerald-700">added {change.to}</span>}
              {change.kind === 'removed' && <span className="text-rose-700">removed {change.from}</span>}
              {change.kind === 'changed' && (
                <span>
                  <span className="text-rose-700 line-through">{change.from}</span> → <span className="text-emerald-700">{change.to}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {changes.omitted > 0 && <p className="text-xs text-slate-500">and {changes.omitted} more changes</p>}
    </div>
  );
}
