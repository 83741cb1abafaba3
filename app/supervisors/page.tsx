import { Suspense } from 'react';
import { SupervisorsDashboard } from '@/components/supervisors/supervisors-dashboard';
import { PageTitle } from '@/components/ui/page-title';

export const metadata = { title: 'Supervisors' };

// The Operate dashboard; its filter and sort live in the URL, so the page itself stays static.
export default function SupervisorsPage() {
  return (
    <>
      <PageTitle title="Supervisors" subtitle="Every Kafka supervisor Druid runs: state, health, lag over time, throughput, errors and tasks." />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
        <SupervisorsDashboard />
      </Suspense>
    </>
  );
}
