import { Suspense } from 'react';
import { LoadWizard } from '@/components/load/load-wizard';
import { PageTitle } from '@/components/ui/page-title';

export const metadata = { title: 'Load' };

// The Load wizard; its step and settings live in the URL, so the page itself stays static.
export default function LoadPage() {
  return (
    <>
      <PageTitle title="Load" subtitle="Choose a Kafka topic and see its messages, or paste some; then describe how Druid should ingest them." />
      <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
        <LoadWizard />
      </Suspense>
    </>
  );
}
