// Throughput samples collected in the browser while a status page is open: Druid reports only the
// current moving averages, so the history is whatever this page has seen.
import type { Throughput } from '@/lib/operate';

export interface ThroughputPoint extends Throughput {
  readonly t: number;
}

/** 30 minutes at the status page's 5 s refresh. */
export const THROUGHPUT_CAPACITY = 360;

export function appendThroughput(history: readonly ThroughputPoint[], point: ThroughputPoint, capacity = THROUGHPUT_CAPACITY): ThroughputPoint[] {
  const last = history.at(-1);
  if (last && point.t <= last.t) return [...history];
  const next = [...history, point];
  return next.length > capacity ? next.slice(next.length - capacity) : next;
}
