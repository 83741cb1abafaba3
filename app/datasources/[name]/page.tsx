import { DatasourceSupervisors } from '@/components/datasources/datasource-supervisors';
import { PageTitle } from '@/components/ui/page-title';

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }) {
  return { title: `Datasource ${decodeURIComponent((await params).name)}` };
}

// One datasource: the supervisors that write to it; read and refreshed in the browser.
export default async function DatasourcePage({ params }: { params: Promise<{ name: string }> }) {
  const name = decodeURIComponent((await params).name);
  return (
    <>
      <PageTitle title={`Datasource ${name}`} subtitle="The supervisors that write to it, with their state, topic and lag." />
      <DatasourceSupervisors name={name} />
    </>
  );
}
