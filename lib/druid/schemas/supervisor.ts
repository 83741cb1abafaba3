// Responses of the Overlord's supervisor API (/druid/indexer/v1/supervisor...).
// Objects are loose: Druid adds fields over versions, and the app must not break on them.
import { z } from 'zod';
import { count, exactLong, jsonObject, partitionOffsets } from './common';

/** Generic supervisor states (docs/ingestion/supervisor.md); kept open as Druid has added some (IDLE). */
export const SUPERVISOR_STATES = ['PENDING', 'RUNNING', 'IDLE', 'SUSPENDED', 'STOPPING', 'UNHEALTHY_SUPERVISOR', 'UNHEALTHY_TASKS'] as const;

/** A supervisor spec as the Overlord echoes it; lib/spec owns the deep shape. */
export const SupervisorSpecSchema = z.looseObject({
  type: z.string(),
  spec: jsonObject.optional(),
  dataSchema: jsonObject.optional(),
  ioConfig: jsonObject.optional(),
  tuningConfig: jsonObject.nullish(),
  context: jsonObject.nullish(),
  suspended: z.boolean().optional(),
});
export type SupervisorSpec = z.output<typeof SupervisorSpecSchema>;

export const SupervisorListSchema = z.array(z.string());

/** GET /supervisor?state=true */
export const SupervisorStateEntrySchema = z.looseObject({
  id: z.string(),
  state: z.string(),
  detailedState: z.string(),
  healthy: z.boolean(),
  suspended: z.boolean(),
  /** Newer Druid says what kind of supervisor (kafka, kinesis, autocompact) and what it reads. */
  type: z.string().optional(),
  source: z.string().nullish(),
});
export type SupervisorStateEntry = z.output<typeof SupervisorStateEntrySchema>;
export const SupervisorStateListSchema = z.array(SupervisorStateEntrySchema);

/** GET /supervisor?full */
export const SupervisorFullEntrySchema = SupervisorStateEntrySchema.extend({ spec: SupervisorSpecSchema });
export type SupervisorFullEntry = z.output<typeof SupervisorFullEntrySchema>;
export const SupervisorFullListSchema = z.array(SupervisorFullEntrySchema);

export const SupervisorTaskReportSchema = z.looseObject({
  id: z.string(),
  type: z.string().optional(),
  startTime: z.string().nullish(),
  remainingSeconds: z.number().nullish(),
  startingOffsets: partitionOffsets.nullish(),
  currentOffsets: partitionOffsets.nullish(),
  lag: partitionOffsets.nullish(),
});
export type SupervisorTaskReport = z.output<typeof SupervisorTaskReportSchema>;

export const SupervisorRecentErrorSchema = z.looseObject({
  timestamp: z.string().nullish(),
  exceptionClass: z.string().nullish(),
  message: z.string().nullish(),
  streamException: z.boolean().nullish(),
});
export type SupervisorRecentError = z.output<typeof SupervisorRecentErrorSchema>;

/** The `payload` of GET /supervisor/{id}/status. State fields are what the dashboard depends on. */
export const SupervisorStatusPayloadSchema = z.looseObject({
  dataSource: z.string(),
  stream: z.string().nullish(),
  partitions: z.number().int().nullish(),
  replicas: z.number().int().nullish(),
  durationSeconds: z.number().nullish(),
  activeTasks: z.array(SupervisorTaskReportSchema).nullish(),
  publishingTasks: z.array(SupervisorTaskReportSchema).nullish(),
  latestOffsets: partitionOffsets.nullish(),
  minimumLag: partitionOffsets.nullish(),
  aggregateLag: exactLong.nullish(),
  offsetsLastUpdated: z.string().nullish(),
  suspended: z.boolean(),
  healthy: z.boolean(),
  state: z.string(),
  detailedState: z.string(),
  recentErrors: z.array(SupervisorRecentErrorSchema).nullish(),
});
export type SupervisorStatusPayload = z.output<typeof SupervisorStatusPayloadSchema>;

export const SupervisorStatusSchema = z.looseObject({
  id: z.string(),
  generationTime: z.string().optional(),
  payload: SupervisorStatusPayloadSchema,
});
export type SupervisorStatus = z.output<typeof SupervisorStatusSchema>;

/** One window of moving averages, or the totals: rows per second, or rows. */
export const RowStatsSchema = z.looseObject({
  processed: count,
  processedBytes: count.optional(),
  processedWithError: count,
  thrownAway: count,
  unparseable: count,
});
export type RowStats = z.output<typeof RowStatsSchema>;

export const TaskRowStatsSchema = z.looseObject({
  movingAverages: z.looseObject({ buildSegments: z.record(z.string(), RowStatsSchema).optional() }).optional(),
  totals: z.looseObject({ buildSegments: RowStatsSchema.optional() }).optional(),
});
export type TaskRowStats = z.output<typeof TaskRowStatsSchema>;

/** GET /supervisor/{id}/stats: taskGroupId -> taskId -> row stats. */
export const SupervisorStatsSchema = z.record(z.string(), z.record(z.string(), TaskRowStatsSchema));
export type SupervisorStats = z.output<typeof SupervisorStatsSchema>;

/** GET /supervisor/{id}/health: 200 when healthy, 503 when not; both carry this body. */
export const SupervisorHealthSchema = z.looseObject({ healthy: z.boolean() });

export const SupervisorHistoryEntrySchema = z.looseObject({ spec: SupervisorSpecSchema, version: z.string() });
export type SupervisorHistoryEntry = z.output<typeof SupervisorHistoryEntrySchema>;
export const SupervisorHistorySchema = z.array(SupervisorHistoryEntrySchema);
export const SupervisorHistoryAllSchema = z.record(z.string(), SupervisorHistorySchema);

/** submit, reset, resetOffsets, terminate */
export const SupervisorIdResponseSchema = z.looseObject({ id: z.string() });
/** suspendAll, resumeAll, terminateAll */
export const SupervisorBulkResponseSchema = z.looseObject({ status: z.string() });

/** Body of POST /supervisor/{id}/resetOffsets. Offsets serialize as exact JSON numbers. */
export const ResetOffsetsRequestSchema = z.object({
  type: z.string(),
  partitions: z.looseObject({
    type: z.literal('end'),
    stream: z.string().min(1),
    partitionOffsetMap: partitionOffsets,
  }),
});
export type ResetOffsetsRequest = z.output<typeof ResetOffsetsRequestSchema>;

export const TaskGroupsHandoffRequestSchema = z.object({ taskGroupIds: z.array(z.number().int().nonnegative()) });
