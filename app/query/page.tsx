import { PageTitle } from '@/components/ui/page-title';

export const metadata = { title: 'Query' };

export default function QueryPage() {
  return (
    <PageTitle
      title="Query"
      subtitle="Write Druid SQL or native JSON queries here; Tributary sends them to the Broker and shows the results as a table and a chart."
    />
  );
}
