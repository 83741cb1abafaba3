// ISO-8601 periods as Druid reads them (Joda): PT1H, PT3600S, P1D, P2147483647D.
import { z } from 'zod';

const PERIOD = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export const periodSchema = z
  .string()
  .regex(PERIOD, { message: 'must be an ISO-8601 period such as PT1H, PT10M or P1D' });

export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

/**
 * Nominal length in milliseconds, for comparing periods (PT1H equals PT3600S).
 * Months and years have no fixed length; 30 and 365 days are close enough to order them.
 */
export function periodToMs(text: string): number | undefined {
  const m = PERIOD.exec(text);
  if (!m) return undefined;
  const [, y, mo, w, d, h, mi, s] = m.map((part) => (part === undefined ? 0 : Number(part)));
  return (
    y * 365 * DAY_MS + mo * 30 * DAY_MS + w * 7 * DAY_MS + d * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + s * SECOND_MS
  );
}
