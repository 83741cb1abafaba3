import { Suspense } from 'react';
import { QueryPageClient } from '@/components/query/query-page-client';
import { PageTitle } from '@/components/ui/page-title';

export const metadata = { title: 'Query' };

export default function QueryPage() {
  return (
    <>
      <PageTitle title="Query" subtitle="Druid SQL or native JSON queries, sent through Tributary to the Broker; results as a table and a chart." />
      {/* The workbench reads its mode and datasource from the URL. */}
      <Suspense fallback={<p className="text-sm text-slate-600">Loading the query editor…</p>}>
        <QueryPageClient />
      </Suspense>
    </>
  );
}
