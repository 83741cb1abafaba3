import { EditSupervisor } from '@/components/load/review/edit-supervisor';
import { PageTitle } from '@/components/ui/page-title';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Edit ${decodeURIComponent((await params).id)}` };
}

// Opens a running supervisor's spec in the wizard's review step, as a draft of its own.
export default async function EditSupervisorPage({ params }: { params: Promise<{ id: string }> }) {
  const id = decodeURIComponent((await params).id);
  return (
    <>
      <PageTitle title={`Edit supervisor ${id}`} subtitle="Its running spec opens in the wizard; the changes are shown against it before you submit." />
      <EditSupervisor id={id} />
    </>
  );
}
