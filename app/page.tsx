import Link from 'next/link';
import { PageTitle } from '@/components/ui/page-title';

const JOBS = [
  { href: '/load', title: 'Load', text: 'Pick a Kafka topic, sample it, let Tributary infer the schema, review the supervisor spec and submit it to the Overlord.' },
  { href: '/supervisors', title: 'Operate', text: 'Every supervisor at a glance: state, health, lag, throughput, errors and tasks, with suspend, resume, reset and terminate.' },
  { href: '/query', title: 'Query', text: 'Druid SQL and native JSON queries through Tributary, results as tables and charts.' },
] as const;

export default function HomePage() {
  return (
    <>
      <PageTitle title="Stream Kafka into Druid" subtitle="Tributary is a control plane for Apache Druid's Kafka ingestion." />
      <div className="grid gap-4 md:grid-cols-3">
        {JOBS.map((job) => (
          <Link key={job.href} href={job.href} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-500">
            <h2 className="font-semibold">{job.title}</h2>
            <p className="mt-2 text-sm text-slate-600">{job.text}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
