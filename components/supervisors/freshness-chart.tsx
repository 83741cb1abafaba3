'use client';
// End-to-end freshness: how long after a message reached Kafka a query could find it, per probe.
// A probe that gave up is drawn in red at the time it waited: freshness was at least that.
import { useQuery } from '@tanstack/react-query';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { FreshnessResponse } from '@/lib/operate';
import { formatClock, formatTime } from './format';
import { supervisorFreshnessQuery } from './monitoring-api';

/** "85 ms", "1.4 s", "2 min 05 s". */
export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function freshnessSummary(freshness: FreshnessResponse | undefined): string | undefined {
  if (!freshness || freshness.lastMs === null) return undefined;
  return `last ${formatLatency(freshness.lastMs)} · p50 ${formatLatency(freshness.p50Ms)} · p95 ${formatLatency(freshness.p95Ms)}`;
}

export function useFreshness(id: string) {
  return useQuery(supervisorFreshnessQuery(id));
}

export function FreshnessChart({ freshness, error }: { freshness: FreshnessResponse | undefined; error: Error | null }) {
  const samples = (freshness?.samples ?? []).map((s) => ({ t: Date.parse(s.time), ms: s.freshnessMs, seen: s.seen }));
  const seen = samples.filter((s) => s.seen);
  const missed = samples.filter((s) => !s.seen);
  return (
    <figure aria-label="Freshness over time" data-testid="freshness-chart" className="h-56">
      {samples.length === 0 ? (
        <p className="flex h-full items-center justify-center rounded border border-dashed border-slate-200 px-4 text-center text-sm text-slate-500">
          {error ? `Freshness could not be read: ${error.message}` : (freshness?.note ?? 'No probe yet: one runs every minute while the supervisor is running.')}
        </p>
      ) : (
        <div className="flex h-full flex-col">
          {freshness?.note && <p className="mb-1 text-xs text-slate-500">{freshness.note}</p>}
          <div className="min-h-0 flex-1">
            <ResponsiveContainer width="100%" height="100%">
              <ScatterChart margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={formatClock} fontSize={11} name="probed at" />
                <YAxis dataKey="ms" type="number" tickFormatter={(ms: number) => formatLatency(ms)} fontSize={11} width={56} name="freshness" />
                <Tooltip
                  formatter={(value, name) => (name === 'freshness' ? formatLatency(Number(value)) : formatTime(Number(value)))}
                  cursor={{ strokeDasharray: '3 3' }}
                />
                <Scatter name="queryable after" data={seen} fill="#1d8fe1" isAnimationActive={false} />
                <Scatter name="not queryable yet after" data={missed} fill="#e11d48" shape="triangle" isAnimationActive={false} />
              </ScatterChart>
            </ResponsiveContainer>
          </div>
        </div>
      )}
    </figure>
  );
}
