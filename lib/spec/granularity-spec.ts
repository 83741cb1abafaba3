// dataSchema.granularitySpec: how rows are bucketed into segments and truncated for queries.
import { z } from 'zod';
import { periodSchema, periodToMs } from './period';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Druid's named granularities, with a nominal length for ordering them. */
export const GRANULARITY_MS: Readonly<Record<string, number>> = {
  none: 1,
  second: 1000,
  minute: MINUTE_MS,
  five_minute: 5 * MINUTE_MS,
  ten_minute: 10 * MINUTE_MS,
  fifteen_minute: 15 * MINUTE_MS,
  thirty_minute: 30 * MINUTE_MS,
  hour: HOUR_MS,
  six_hour: 6 * HOUR_MS,
  eight_hour: 8 * HOUR_MS,
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 30 * DAY_MS,
  quarter: 91 * DAY_MS,
  year: 365 * DAY_MS,
  all: Number.POSITIVE_INFINITY,
};

const namedGranularity = z
  .string()
  .refine((g) => g.toLowerCase() in GRANULARITY_MS, {
    message: `must be one of ${Object.keys(GRANULARITY_MS).join(', ')}, or a {"type":"period"} object`,
  });

const granularityObject = z
  .looseObject({ type: z.string() })
  .superRefine((g, ctx) => {
    const type = g.type.toLowerCase();
    if (type === 'period') {
      const parsed = periodSchema.safeParse(g.period);
      if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['period'], message: 'must be an ISO-8601 period such as PT1H' });
    } else if (type === 'duration') {
      if (typeof g.duration !== 'number' || g.duration <= 0) {
        ctx.addIssue({ code: 'custom', path: ['duration'], message: 'must be a positive number of milliseconds' });
      }
    } else if (!(type in GRANULARITY_MS)) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `unknown granularity type "${g.type}"` });
    }
  });

export const granularitySchema = z.union([namedGranularity, granularityObject]);
export type Granularity = z.infer<typeof granularitySchema>;

export const granularitySpecSchema = z.looseObject({
  type: z.enum(['uniform', 'arbitrary']).nullish(),
  segmentGranularity: granularitySchema.nullish(),
  queryGranularity: granularitySchema.nullish(),
  rollup: z.boolean().nullish(),
  intervals: z.array(z.string()).nullish(),
});
export type GranularitySpec = z.infer<typeof granularitySpecSchema>;

/** Druid's defaults when the field is left out (UniformGranularitySpec). */
export const DEFAULT_SEGMENT_GRANULARITY = 'day';
export const DEFAULT_QUERY_GRANULARITY = 'none';
export const DEFAULT_ROLLUP = true;

/**
 * One spelling per granularity, so "HOUR", "hour" and {"type":"hour"} compare equal,
 * and a period that matches a named granularity (PT1H in UTC) reads as that name.
 */
export function normalizeGranularity(g: unknown): string | undefined {
  if (typeof g === 'string') return g.toLowerCase();
  if (g === null || typeof g !== 'object') return undefined;
  const obj = g as Record<string, unknown>;
  const type = typeof obj.type === 'string' ? obj.type.toLowerCase() : '';
  if (type in GRANULARITY_MS) return type;
  if (type === 'period' && typeof obj.period === 'string') {
    const extras = [obj.timeZone && obj.timeZone !== 'UTC' ? `tz=${obj.timeZone}` : '', obj.origin ? `origin=${obj.origin}` : '']
      .filter(Boolean)
      .join(',');
    return extras ? `period:${obj.period}(${extras})` : `period:${obj.period}`;
  }
  if (type === 'duration') return `duration:${obj.duration}`;
  return JSON.stringify(g);
}

/** Nominal bucket length in ms, or undefined when the granularity is not understood. */
export function granularityToMs(g: unknown): number | undefined {
  if (typeof g === 'string') return GRANULARITY_MS[g.toLowerCase()];
  if (g === null || typeof g !== 'object') return undefined;
  const obj = g as Record<string, unknown>;
  const type = typeof obj.type === 'string' ? obj.type.toLowerCase() : '';
  if (type in GRANULARITY_MS) return GRANULARITY_MS[type];
  if (type === 'period' && typeof obj.period === 'string') return periodToMs(obj.period);
  if (type === 'duration' && typeof obj.duration === 'number') return obj.duration;
  return undefined;
}
