// Late-arriving events: a share of records reach Kafka long after they happened (mobile
// clients coming back online, retried batches). Their value's event time lies minutes to
// hours before the record timestamp, which is what Druid's lateMessageRejectionPeriod and
// the ingest preview have to deal with.
import type { Rng } from './rng';

export const LATE_EVENT_SHARE = 0.05;
export const LATE_EVENT_MIN_DELAY_MS = 2 * 60_000;
export const LATE_EVENT_MAX_DELAY_MS = 4 * 3_600_000;

/** The event time for a record arriving at arrivalMs: usually the arrival time itself. */
export function eventTimeFor(rng: Rng, arrivalMs: number, lateShare = LATE_EVENT_SHARE): number {
  if (!rng.chance(lateShare)) return arrivalMs;
  // Log-uniform delay, so minutes are as common as hours.
  const logMin = Math.log(LATE_EVENT_MIN_DELAY_MS);
  const logMax = Math.log(LATE_EVENT_MAX_DELAY_MS);
  const delayMs = Math.exp(logMin + rng.next() * (logMax - logMin));
  return arrivalMs - Math.round(delayMs);
}
