import { Suspense } from 'react';
import { AuditPageClient } from '@/components/audit/audit-page-client';
import { PageTitle } from '@/components/ui/page-title';

export const metadata = { title: 'Audit' };

// The audit trail, for admins; its filters live in the URL, so the page itself stays static.
export default function AuditPage() {
  return (
    <>
      <PageTitle
        title="Audit"
        subtitle="Every submit and supervisor action taken through Tributary, and every one it refused: who, when, from where, what changed, what Druid answered and how it ended."
      />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
        <AuditPageClient />
      </Suspense>
    </>
  );
}
