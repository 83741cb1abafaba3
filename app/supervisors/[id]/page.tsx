import { SupervisorStatus } from '@/components/supervisors/supervisor-status';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  return { title: `Supervisor ${decodeURIComponent((await params).id)}` };
}

// One supervisor's status page; everything on it is read and refreshed in the browser.
export default async function SupervisorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SupervisorStatus id={decodeURIComponent(id)} />;
}
