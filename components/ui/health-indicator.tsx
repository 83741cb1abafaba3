'use client';
// The header's connection indicator: Kafka and Druid reachability at a glance, details on hover/focus.
import { useQuery } from '@tanstack/react-query';
import { READ_ONLY_NOTE } from '@/components/access/api';
import type { Health } from '@/lib/health';
import { fetchJson } from './fetch-json';

const HEALTH_POLL_MS = 10_000;

export function healthQuery() {
  return { queryKey: ['health'] as const, queryFn: () => fetchJson<Health>('/api/health'), refetchInterval: HEALTH_POLL_MS };
}

export function HealthIndicator() {
  const { data, error, isPending } = useQuery(healthQuery());
  if (isPending) return <span className="text-sm text-slate-400">Checking connections…</span>;
  if (error || !data) {
    return <Pill ok={false} label="Tributary server" detail={error?.message ?? 'unreachable'} testId="health-server" />;
  }
  const cluster = data.kafka.clusterBrokers ?? [];
  return (
    <div className="flex items-center gap-2" data-testid="health">
      {data.readOnly && (
        <span title={READ_ONLY_NOTE} className="rounded-full border border-slate-300 bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700">
          read-only
        </span>
      )}
      <Pill
        ok={data.kafka.reachable}
        label={data.kafka.reachable ? `Kafka connected · ${brokerCount(cluster.length)}` : 'Kafka unreachable'}
        detail={`${data.kafka.brokers.join(', ')}${cluster.length > 0 ? ` — brokers ${cluster.map((b) => `${b.nodeId} (${b.host}:${b.port})`).join(', ')}` : ''}${data.kafka.error ? ` — ${data.kafka.error}` : ''}`}
        testId="health-kafka"
      />
      <Pill
        ok={data.druid.reachable}
        label={data.druid.reachable ? `Apache Druid ${shortVersion(data.druid.version)}` : 'Druid unreachable'}
        detail={data.druid.reachable ? `${data.druid.url} — Apache Druid ${data.druid.version}` : `${data.druid.url} — ${data.druid.error}`}
        testId="health-druid"
      />
    </div>
  );
}

function brokerCount(count: number): string {
  return `${count} broker${count === 1 ? '' : 's'}`;
}

function shortVersion(version: string | undefined): string {
  return (version ?? '').split(/[\s(]/)[0];
}

function Pill({ ok, label, detail, testId }: { ok: boolean; label: string; detail: string; testId: string }) {
  return (
    <span
      tabIndex={0}
      title={detail}
      data-testid={testId}
      data-ok={ok}
      className={`group relative inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium ${
        ok ? 'border-emerald-200 bg-emerald-50 text-emerald-800' : 'border-rose-200 bg-rose-50 text-rose-800'
      }`}
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${ok ? 'bg-emerald-500' : 'bg-rose-500'}`} />
      {label}
      <span className="pointer-events-none absolute right-0 top-full z-20 mt-1 hidden w-max max-w-md rounded-md bg-slate-900 px-2 py-1 text-xs font-normal text-white shadow group-hover:block group-focus:block">
        {detail}
      </span>
    </span>
  );
}
