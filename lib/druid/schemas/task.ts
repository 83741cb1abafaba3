// Responses of the Overlord's task API (/druid/indexer/v1/task...).
import { z } from 'zod';
import { count } from './common';
import { RowStatsSchema } from './supervisor';

export const TASK_LIST_STATES = ['running', 'complete', 'waiting', 'pending'] as const;
export type TaskListState = (typeof TASK_LIST_STATES)[number];

export const TaskLocationSchema = z.looseObject({
  host: z.string().nullable(),
  port: z.number().int(),
  tlsPort: z.number().int().optional(),
});

/** One entry of GET /tasks (and the running/complete/waiting/pending lists). */
export const TaskStatusPlusSchema = z.looseObject({
  id: z.string(),
  groupId: z.string().nullish(),
  type: z.string().nullish(),
  createdTime: z.string().nullish(),
  queueInsertionTime: z.string().nullish(),
  statusCode: z.string().nullish(),
  status: z.string().nullish(),
  runnerStatusCode: z.string().nullish(),
  duration: z.number().nullish(),
  location: TaskLocationSchema.nullish(),
  dataSource: z.string().nullish(),
  errorMsg: z.string().nullish(),
});
export type TaskStatusPlus = z.output<typeof TaskStatusPlusSchema>;
export const TaskListSchema = z.array(TaskStatusPlusSchema);

/** GET /task/{taskId}/status */
export const TaskStatusResponseSchema = z.looseObject({
  task: z.string(),
  status: TaskStatusPlusSchema.nullish(),
});
export type TaskStatusResponse = z.output<typeof TaskStatusResponseSchema>;

/** POST /taskStatus: taskId -> brief status. */
export const TaskStatusMapSchema = z.record(
  z.string(),
  z.looseObject({ id: z.string(), status: z.string(), duration: z.number().nullish(), errorMsg: z.string().nullish(), location: TaskLocationSchema.nullish() }),
);

/** GET /task/{taskId}: the task's own spec. */
export const TaskPayloadResponseSchema = z.looseObject({ task: z.string(), payload: z.looseObject({ type: z.string(), id: z.string() }) });

/** POST /task/{id}/shutdown, POST /task */
export const TaskIdResponseSchema = z.looseObject({ task: z.string() });

/**
 * Row stats inside a task report: a completed task has one RowStats per phase,
 * a running one has movingAverages and totals.
 */
const ReportRowStatsSchema = z.union([
  z.looseObject({
    movingAverages: z.looseObject({ buildSegments: z.record(z.string(), RowStatsSchema).optional() }),
    totals: z.looseObject({ buildSegments: RowStatsSchema.optional() }),
  }),
  z.record(z.string(), RowStatsSchema),
]);

/** GET /task/{taskId}/reports */
export const TaskReportsSchema = z.looseObject({
  ingestionStatsAndErrors: z
    .looseObject({
      type: z.string().optional(),
      taskId: z.string().optional(),
      payload: z.looseObject({
        ingestionState: z.string().nullish(),
        unparseableEvents: z.record(z.string(), z.unknown()).nullish(),
        rowStats: ReportRowStatsSchema.nullish(),
        errorMsg: z.string().nullish(),
        recordsProcessed: z.record(z.string(), count).nullish(),
        segmentAvailabilityConfirmed: z.boolean().nullish(),
        segmentAvailabilityWaitTimeMs: z.number().nullish(),
      }),
    })
    .optional(),
});
export type TaskReports = z.output<typeof TaskReportsSchema>;

/** GET (peon) /druid/worker/v1/chat/{taskId}/rowStats: same as one task's supervisor stats. */
export const TaskRowStatsResponseSchema = z.looseObject({
  movingAverages: z.looseObject({ buildSegments: z.record(z.string(), RowStatsSchema).optional() }),
  totals: z.looseObject({ buildSegments: RowStatsSchema.optional() }),
});

export const DatasourceShutdownResponseSchema = z.looseObject({ dataSource: z.string() });
export const PendingSegmentsDeleteResponseSchema = z.looseObject({ numDeleted: z.number().int() });
