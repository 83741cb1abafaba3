'use client';
// The Alerts page: what fires now (with links to the supervisors), what fired before with when it
// fired, resolved and how long it lasted, and the rules and webhooks, editable by admins.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { usePermission } from '@/components/access/api';
import { RoleNotice } from '@/components/access/role-notice';
import { alertRulesQuery, alertsQuery } from './api';
import { FiringAlerts, RecentAlerts } from './alert-lists';
import { RulesEditor } from './rules-editor';

const EDIT_RULES = { need: 'admin', what: 'Editing alert rules and webhooks' } as const;

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function Failure({ what, error }: { what: string; error: Error }) {
  return (
    <p role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900">
      {what} could not be read: {error.message}
    </p>
  );
}

export function AlertsPageClient() {
  const alerts = useQuery(alertsQuery());
  const rules = useQuery(alertRulesQuery());
  const edit = usePermission(EDIT_RULES.need, EDIT_RULES.what);
  const now = useNow(30_000);

  return (
    <div className="space-y-8">
      <section aria-labelledby="firing-heading" className="space-y-3">
        <h2 id="firing-heading" className="text-lg font-semibold">
          Firing now{alerts.data && alerts.data.firing.length > 0 ? ` (${alerts.data.firing.length})` : ''}
        </h2>
        {alerts.isError && <Failure what="Alerts" error={alerts.error} />}
        {alerts.isPending && <p className="text-sm text-slate-500">Reading alerts…</p>}
        {alerts.data && <FiringAlerts alerts={alerts.data.firing} now={now} />}
      </section>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Fired before
        </h2>
        {alerts.data && <RecentAlerts alerts={alerts.data.recent} />}
      </section>

      <section aria-labelledby="rules-heading" className="space-y-3">
        <div>
          <h2 id="rules-heading" className="text-lg font-semibold">
            Rules and webhooks
          </h2>
          {rules.data && (
            <p className="text-xs text-slate-500">
              {rules.data.updatedAt ? `Saved ${new Date(rules.data.updatedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC${rules.data.updatedBy ? ` by ${rules.data.updatedBy}` : ''}.` : 'The defaults: nobody has saved rules yet.'}
            </p>
          )}
        </div>
        <RoleNotice items={[EDIT_RULES]} />
        {rules.isError && <Failure what="Alert rules" error={rules.error} />}
        {rules.isPending && <p className="text-sm text-slate-500">Reading alert rules…</p>}
        {/* Remounted when the saved rules change, so the fields show what is saved. */}
        {rules.data && <RulesEditor key={rules.data.updatedAt ?? 'defaults'} saved={rules.data} canEdit={edit.allowed} />}
      </section>
    </div>
  );
}
