// Aggregate lag over time, kept per supervisor as a bounded ring of samples. Pure: the server
// owns the store, this module only says how a history grows and what it shows.

export interface LagPoint {
  /** Milliseconds since 1970. */
  readonly t: number;
  /** Aggregate lag in messages, exact, as a decimal string. */
  readonly lag: string;
}

export type LagTrend = 'rising' | 'falling' | 'steady' | 'unknown';

/** One hour at the dashboard's 5 s refresh. */
export const LAG_HISTORY_CAPACITY = 720;
/** Samples closer together than this add nothing to a chart; the newer one replaces the older. */
export const LAG_MIN_SPACING_MS = 2_000;
/** A lag change smaller than this share of the earlier lag counts as steady. */
const TREND_TOLERANCE = 0.05;
/** A live topic's lag wobbles by a few messages between polls; that is not a trend. */
export const LAG_TREND_MIN_MESSAGES = 100n;
/** The trend compares the newest sample with the one about this long before it. */
export const LAG_TREND_WINDOW_MS = 60_000;

export function appendLagPoint(history: readonly LagPoint[], point: LagPoint, capacity = LAG_HISTORY_CAPACITY): LagPoint[] {
  const last = history.at(-1);
  if (last && point.t < last.t) return [...history];
  const kept = last && point.t - last.t < LAG_MIN_SPACING_MS ? history.slice(0, -1) : history;
  const next = [...kept, point];
  return next.length > capacity ? next.slice(next.length - capacity) : next;
}

/** The samples taken within `windowMs` of the newest one. */
export function recentLag(history: readonly LagPoint[], windowMs: number): LagPoint[] {
  const newest = history.at(-1);
  if (!newest) return [];
  return history.filter((p) => p.t >= newest.t - windowMs);
}

/**
 * Whether lag is growing (consumers fall behind), shrinking (catching up) or holding. Compared in
 * bigint: lags can pass 2^53.
 */
export function lagTrend(history: readonly LagPoint[], windowMs = LAG_TREND_WINDOW_MS): LagTrend {
  const newest = history.at(-1);
  if (!newest) return 'unknown';
  const earlier = [...history].reverse().find((p) => p.t <= newest.t - windowMs) ?? history[0];
  if (earlier === newest) return 'unknown';
  const before = BigInt(earlier.lag);
  const now = BigInt(newest.lag);
  const delta = now - before;
  const magnitude = delta < 0n ? -delta : delta;
  const tolerance = (before * BigInt(Math.round(TREND_TOLERANCE * 100))) / 100n;
  if (magnitude < LAG_TREND_MIN_MESSAGES || magnitude <= tolerance) return 'steady';
  return delta > 0n ? 'rising' : 'falling';
}

/** A lag as a chart can plot it: exact up to 2^53, then close enough for a line. */
export function lagToNumber(lag: string): number {
  return Number(lag);
}
