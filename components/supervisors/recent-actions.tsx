'use client';
// A supervisor's recent actions on its status page, from the audit trail: who suspended, reset or
// submitted it, when and how it ended. Operators and admins see it; a viewer is told why not.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMe } from '@/components/access/api';
import { recentActionsQuery, RECENT_ACTIONS } from '@/components/audit/api';
import { AuditTable } from '@/components/audit/audit-table';
import { ApiRequestError } from '@/components/ui/fetch-json';
import { roleAllows } from '@/lib/http/identity';

export function RecentActions({ id }: { id: string }) {
  const me = useMe();
  // Until /api/me answers, or when it cannot, the server decides.
  const mayRead = !me.data || roleAllows(me.data.role, 'operator');
  const actions = useQuery({ ...recentActionsQuery(id), enabled: !me.isPending && mayRead });
  const refused = actions.error instanceof ApiRequestError && (actions.error.status === 401 || actions.error.status === 403);

  if (!mayRead || refused) {
    return <p className="text-sm text-slate-600">Recent actions come from Tributary&apos;s audit trail, which operators and admins may read; you are signed in as a viewer.</p>;
  }
  if (actions.isError) return <p className="text-sm text-rose-800">The audit trail could not be read: {actions.error.message}</p>;
  if (!actions.data) return <p className="text-sm text-slate-500">Reading the audit trail…</p>;
  if (actions.data.entries.length === 0) return <p className="text-sm text-slate-500">Nothing has been done to this supervisor through Tributary yet.</p>;
  const admin = me.data ? roleAllows(me.data.role, 'admin') : false;
  return (
    <div className="space-y-2">
      <AuditTable entries={actions.data.entries} showSupervisor={false} />
      {actions.data.total > RECENT_ACTIONS && (
        <p className="text-xs text-slate-500">
          The newest {RECENT_ACTIONS} of {actions.data.total}.{' '}
          {admin && (
            <Link href={`/audit?supervisor=${encodeURIComponent(id)}`} className="font-medium text-brand-700 hover:underline">
              All of them on the Audit page
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
