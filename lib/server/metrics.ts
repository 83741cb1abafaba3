// Reading the stored history: one supervisor's points over a range (the metrics route and the
// status page's charts), and every supervisor's lag over the last hour (the dashboard's sparklines),
// read once and then topped up with what is new, so each dashboard refresh is one small query.
import 'server-only';
import { getConfig } from '@/lib/config';
import { ApiError } from '@/lib/http';
import type { LagPoint, MetricsResponse } from '@/lib/operate';
import { metricPointOf, stepForRange, type MetricsQuery } from '@/lib/operate/metrics-history';
import { readLagSamples, readMetrics } from '@/lib/store/metrics';
import { store } from './audit';

const HOUR_MS = 3_600_000;

/** The stored points of one supervisor over [since, until), at the resolution that fits the range. */
export async function supervisorMetrics(supervisorId: string, query: MetricsQuery, now = Date.now()): Promise<MetricsResponse> {
  const untilMs = query.until ?? now;
  const sinceMs = query.since ?? untilMs - HOUR_MS;
  if (sinceMs >= untilMs) throw new ApiError(400, 'invalid_input', `Invalid request query.since: must be before until (${new Date(untilMs).toISOString()})`, { issues: [{ path: 'query.since', message: 'must be before until' }] });
  const since = new Date(sinceMs).toISOString();
  const until = new Date(untilMs).toISOString();
  const stepS = stepForRange(sinceMs, untilMs, now);
  const rows = await readMetrics((await store()).db, supervisorId, { since, until, stepS });
  return { supervisorId, since, until, stepSeconds: stepS, collectIntervalMs: getConfig().monitoring.intervalMs, points: rows.map(metricPointOf) };
}

/** The dashboard's sparklines cover this much. */
export const SPARKLINE_HISTORY_MS = HOUR_MS;
/**
 * Each top-up reads again this far before the previous read: a round stamps its samples with its
 * start, so one in progress during a read is stored with a time before it.
 */
const REREAD_MS = 2 * 60_000;

interface LagHistories {
  byId: Map<string, Map<number, string>>;
  readAt?: number;
  reading?: Promise<ReadonlyMap<string, readonly LagPoint[]>>;
}

// One copy per process, whichever route bundle asks (see lib/server/operate.ts).
const LAG_KEY = Symbol.for('tributary.storedLag');
const lagState: LagHistories = ((globalThis as Record<symbol, LagHistories | undefined>)[LAG_KEY] ??= { byId: new Map() });

async function topUp(now: number): Promise<ReadonlyMap<string, readonly LagPoint[]>> {
  const windowStart = now - SPARKLINE_HISTORY_MS;
  const since = lagState.readAt === undefined ? windowStart : Math.max(windowStart, lagState.readAt - REREAD_MS);
  const samples = await readLagSamples((await store()).db, new Date(since).toISOString());
  for (const sample of samples) {
    let points = lagState.byId.get(sample.supervisorId);
    if (!points) lagState.byId.set(sample.supervisorId, (points = new Map()));
    points.set(Date.parse(sample.at), sample.totalLag);
  }
  lagState.readAt = now;
  const histories = new Map<string, LagPoint[]>();
  for (const [id, points] of lagState.byId) {
    for (const t of points.keys()) if (t < windowStart) points.delete(t);
    if (points.size === 0) lagState.byId.delete(id);
    else histories.set(id, [...points].map(([t, lag]) => ({ t, lag })).sort((a, b) => a.t - b.t));
  }
  return histories;
}

/** Every supervisor's stored lag over the last hour, oldest first; concurrent callers share one read. */
export function storedLagHistories(now = Date.now()): Promise<ReadonlyMap<string, readonly LagPoint[]>> {
  lagState.reading ??= topUp(now).finally(() => (lagState.reading = undefined));
  return lagState.reading;
}
