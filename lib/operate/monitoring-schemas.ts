// The monitoring API's resources — lag from Kafka, stored history, freshness, alerts — one zod
// schema each, shared by the route handlers, the collector and the browser hooks.
import { z } from 'zod';

const exactCount = z.string().regex(/^-?\d+$/, 'must be a whole number');

/** One partition as Kafka and Druid see it now. Offsets are exact decimal strings. */
export const PartitionLagSchema = z.object({
  partition: z.number().int(),
  /** The next offset Druid will read: its tasks' position, else the offsets it committed. Null when Druid has none. */
  currentOffset: exactCount.nullable(),
  /** Kafka's end offset (the next offset a producer writes). */
  latestOffset: exactCount.nullable(),
  lag: exactCount.nullable(),
  /** Age of the oldest unread message (Kafka timestamp of the message at currentOffset); 0 when caught up. */
  timeLagMs: z.number().nullable(),
});
export type PartitionLag = z.infer<typeof PartitionLagSchema>;

/** Where the current offsets came from: Druid's running tasks, or the offsets Druid committed when none read. */
export const OFFSET_SOURCES = ['tasks', 'committed', 'none'] as const;
export const LAG_DIRECTIONS = ['caught-up', 'draining', 'rising', 'steady', 'unknown'] as const;

export const LagReportSchema = z.object({
  supervisorId: z.string(),
  topic: z.string().nullable(),
  partitions: z.array(PartitionLagSchema),
  totalLag: exactCount.nullable(),
  maxTimeLagMs: z.number().nullable(),
  /** Seconds until caught up at the current rates; null unless lag is falling. */
  etaSeconds: z.number().nullable(),
  /** Messages per second written to the topic, and read by Druid, between the last two measurements. */
  producedPerSec: z.number().nullable(),
  consumedPerSec: z.number().nullable(),
  direction: z.enum(LAG_DIRECTIONS),
  offsetSource: z.enum(OFFSET_SOURCES),
  /** When the lag was true: now for committed offsets; the time Druid last read its tasks' offsets otherwise. */
  measuredAt: z.string(),
  problems: z.array(z.string()),
});
export type LagReport = z.infer<typeof LagReportSchema>;

/** One stored sample, as the charts and the metrics route read it. Rates are per second. */
export const MetricPointSchema = z.object({
  time: z.string(),
  state: z.string().nullable(),
  healthy: z.boolean().nullable(),
  totalLag: exactCount.nullable(),
  maxTimeLagMs: z.number().nullable(),
  processedPerSec: z.number().nullable(),
  unparseablePerSec: z.number().nullable(),
  thrownAwayPerSec: z.number().nullable(),
  processedWithErrorPerSec: z.number().nullable(),
  producedPerSec: z.number().nullable(),
  consumedPerSec: z.number().nullable(),
  tasks: z.number().int().nullable(),
  failedTasks: z.number().int().nullable(),
});
export type MetricPoint = z.infer<typeof MetricPointSchema>;

export const MetricsResponseSchema = z.object({
  supervisorId: z.string(),
  since: z.string(),
  until: z.string(),
  /** 0: every sample the collector took; else each point averages this many seconds. */
  stepSeconds: z.number().int(),
  /** How often the collector samples, so a chart can tell a gap from a sparse series. */
  collectIntervalMs: z.number().int(),
  points: z.array(MetricPointSchema),
});
export type MetricsResponse = z.infer<typeof MetricsResponseSchema>;

export const FreshnessSampleSchema = z.object({
  time: z.string(),
  freshnessMs: z.number(),
  /** False when the probe's message was not queryable when the probe gave up: freshness is at least this. */
  seen: z.boolean(),
});

export const FreshnessResponseSchema = z.object({
  supervisorId: z.string(),
  lastMs: z.number().nullable(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  samples: z.array(FreshnessSampleSchema),
  /** Why there is no figure yet, or what limits it (a format the probe cannot read, a rolled-up datasource). */
  note: z.string().nullable(),
});
export type FreshnessResponse = z.infer<typeof FreshnessResponseSchema>;
