'use client';
// The Audit page's filters: typed fields apply on Enter or "Apply", choices at once. They live in
// the URL, so a filtered view of the trail can be shared as a link.
import { cloneElement, useId, useState, type FormEvent, type ReactElement } from 'react';
import { ALERT_RULES_ACTION } from '@/lib/operate/audit-entry';
import { SUPERVISOR_ACTIONS } from '@/lib/operate/schemas';
import { AUDIT_OUTCOMES, type AuditOutcome } from '@/lib/operate/audit-entry';
import type { AuditFilters } from './url-state';

const INPUT = 'mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none';
const ACTIONS = ['submit', ...SUPERVISOR_ACTIONS, ALERT_RULES_ACTION] as const;

/** A label above its control, tied by id so the control is named by the label alone. */
function Field({ label, children }: { label: string; children: ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className="text-sm font-medium text-slate-700">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}

export function AuditFiltersForm({ filters, onChange }: { filters: AuditFilters; onChange: (next: AuditFilters) => void }) {
  const [user, setUser] = useState(filters.user ?? '');
  const [supervisor, setSupervisor] = useState(filters.supervisor ?? '');
  const apply = (change: Partial<AuditFilters> = {}) => onChange({ ...filters, user: user.trim() || undefined, supervisor: supervisor.trim() || undefined, ...change, before: undefined });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply();
  };
  return (
    <form aria-label="Audit filters" onSubmit={submit} className="grid grid-cols-2 items-end gap-3 md:grid-cols-4 xl:grid-cols-7">
      <Field label="User">
        <input className={INPUT} value={user} onChange={(e) => setUser(e.target.value)} placeholder="any" />
      </Field>
      <Field label="Supervisor">
        <input className={INPUT} value={supervisor} onChange={(e) => setSupervisor(e.target.value)} placeholder="any" />
      </Field>
      <Field label="Action">
        <select className={INPUT} value={filters.action ?? ''} onChange={(e) => apply({ action: e.target.value || undefined })}>
          <option value="">any</option>
          {ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
          {filters.action && !(ACTIONS as readonly string[]).includes(filters.action) && <option value={filters.action}>{filters.action}</option>}
        </select>
      </Field>
      <Field label="Outcome">
        <select className={INPUT} value={filters.outcome ?? ''} onChange={(e) => apply({ outcome: (e.target.value || undefined) as AuditOutcome | undefined })}>
          <option value="">any</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcome}
            </option>
          ))}
        </select>
      </Field>
      <Field label="From (UTC day)">
        <input type="date" className={INPUT} value={filters.from ?? ''} onChange={(e) => apply({ from: e.target.value || undefined })} />
      </Field>
      <Field label="To (UTC day)">
        <input type="date" className={INPUT} value={filters.to ?? ''} onChange={(e) => apply({ to: e.target.value || undefined })} />
      </Field>
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          Apply
        </button>
        <button
          type="button"
          onClick={() => {
            setUser('');
            setSupervisor('');
            onChange({});
          }}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
        >
          Clear
        </button>
      </div>
    </form>
  );
}
