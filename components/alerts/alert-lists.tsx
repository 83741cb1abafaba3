'use client';
// What fires now and what fired before: each alert with its supervisor (a link to its status
// page), its message, since when, and for resolved ones when and after how long.
import Link from 'next/link';
import { formatTime } from '@/components/supervisors/format';
import { ALERT_KIND_INFO, type Alert } from '@/lib/operate/alert-rules';
import { formatDuration } from '@/lib/operate/alerts';

function SupervisorLink({ id }: { id: string }) {
  return (
    <Link href={`/supervisors/${encodeURIComponent(id)}`} className="font-medium text-brand-700 hover:underline">
      {id}
    </Link>
  );
}

const ruleName = (alert: Alert) => (alert.kind ? ALERT_KIND_INFO[alert.kind].label : alert.rule);

function DeliveryNote({ alert }: { alert: Alert }) {
  if (!alert.deliveryError) return null;
  return <p className="mt-1 text-xs text-rose-700">Not delivered: {alert.deliveryError}</p>;
}

export function FiringAlerts({ alerts, now }: { alerts: readonly Alert[]; now: number }) {
  if (alerts.length === 0) {
    return (
      <p data-testid="no-firing" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
        Nothing fires now.
      </p>
    );
  }
  return (
    <ul aria-label="Firing alerts" className="divide-y divide-rose-100 rounded-md border border-rose-200 bg-rose-50">
      {alerts.map((alert) => (
        <li key={alert.id} className="px-4 py-3 text-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p>
              <SupervisorLink id={alert.supervisor} /> <span className="text-slate-500">· {ruleName(alert)}</span>
            </p>
            <p className="text-xs text-slate-600">
              since {formatTime(alert.since)} ({formatDuration(now - Date.parse(alert.since))})
            </p>
          </div>
          <p className="mt-1 text-rose-900">{alert.message}</p>
          <DeliveryNote alert={alert} />
        </li>
      ))}
    </ul>
  );
}

export function RecentAlerts({ alerts }: { alerts: readonly Alert[] }) {
  if (alerts.length === 0) return <p className="text-sm text-slate-500">No alert has fired and resolved yet.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table aria-label="Alerts that fired before" className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">Supervisor</th>
            <th className="px-3 py-2">What</th>
            <th className="px-3 py-2">Fired</th>
            <th className="px-3 py-2">Resolved</th>
            <th className="px-3 py-2">Lasted</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {alerts.map((alert) => (
            <tr key={alert.id} className="align-top">
              <td className="px-3 py-2">
                <SupervisorLink id={alert.supervisor} />
              </td>
              <td className="px-3 py-2">
                <p>{alert.message}</p>
                {alert.resolvedMessage && <p className="text-xs text-slate-500">{alert.resolvedMessage}</p>}
                <DeliveryNote alert={alert} />
              </td>
              <td className="whitespace-nowrap px-3 py-2">{formatTime(alert.firedAt)}</td>
              <td className="whitespace-nowrap px-3 py-2">{formatTime(alert.resolvedAt)}</td>
              <td className="whitespace-nowrap px-3 py-2">{alert.resolvedAt ? formatDuration(Date.parse(alert.resolvedAt) - Date.parse(alert.since)) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
