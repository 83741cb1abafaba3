import { PageTitle } from '@/components/ui/page-title';

export const metadata = { title: 'Supervisors' };

export default function SupervisorsPage() {
  return (
    <PageTitle
      title="Supervisors"
      subtitle="The operations dashboard will list every Kafka supervisor here with its state, health, lag over time, throughput, recent errors and tasks, and open a status page per supervisor with suspend, resume, reset, terminate and edit."
    />
  );
}
