// An audit entry's outcome as a coloured badge: green done, grey unchanged, amber refused or still
// open, red failed.
import { isInFlight, type AuditEntry } from '@/lib/operate/audit-entry';

const TONES: Record<AuditEntry['outcome'], string> = {
  ok: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  unchanged: 'border-slate-300 bg-slate-100 text-slate-700',
  refused: 'border-amber-200 bg-amber-50 text-amber-800',
  failed: 'border-rose-200 bg-rose-50 text-rose-800',
  unknown: 'border-violet-200 bg-violet-50 text-violet-800',
};

export function OutcomeBadge({ entry }: { entry: Pick<AuditEntry, 'outcome' | 'durationMs' | 'resolvedAt'> }) {
  const label = isInFlight(entry) ? 'in progress' : entry.outcome;
  const title = entry.resolvedAt ? `Druid answered too late; reading it back at ${entry.resolvedAt} showed the outcome` : undefined;
  return (
    <span data-testid="audit-outcome" data-outcome={entry.outcome} title={title} className={`inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold ${TONES[entry.outcome]}`}>
      {label}
      {entry.resolvedAt && <span className="ml-1 font-normal">(read back)</span>}
    </span>
  );
}
