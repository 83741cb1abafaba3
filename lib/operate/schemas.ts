// The Operate API's resources, one zod schema each, shared by the route handlers and the browser hooks.
import { z } from 'zod';
import { SupervisorStatusPayloadSchema } from '../druid/schemas/supervisor';
import type { SpecDiff } from '../spec/diff-spec';

const exactOffset = z.string().regex(/^-?\d+$/, 'must be a whole number');

export const LagPointSchema = z.object({ t: z.number(), lag: exactOffset });

export const LAG_TRENDS = ['rising', 'falling', 'steady', 'unknown'] as const;

export const RecentErrorSchema = z.object({
  timestamp: z.string().nullable(),
  exceptionClass: z.string().nullable(),
  message: z.string(),
});
export type RecentError = z.infer<typeof RecentErrorSchema>;

/** One line of the dashboard: what an operator scans for across every supervisor. */
export const SupervisorRowSchema = z.object({
  id: z.string(),
  datasource: z.string().nullable(),
  topic: z.string().nullable(),
  state: z.string(),
  detailedState: z.string(),
  healthy: z.boolean(),
  suspended: z.boolean(),
  /** Messages behind the newest offsets over all partitions, exact; null until Druid has measured it. */
  aggregateLag: exactOffset.nullable(),
  partitions: z.number().int().nullable(),
  lagTrend: z.enum(LAG_TRENDS),
  lagHistory: z.array(LagPointSchema),
  /** Rows per second, 1-minute moving average over the active tasks. */
  processedPerSecond: z.number().nullable(),
  /** Rows per second processed with errors, unparseable or thrown away, 1-minute moving average. */
  errorsPerSecond: z.number().nullable(),
  recentErrorCount: z.number().int(),
  lastError: RecentErrorSchema.nullable(),
  activeTasks: z.number().int().nullable(),
  publishingTasks: z.number().int().nullable(),
  /** Why part of this row could not be read (a status call that failed or timed out). */
  problem: z.string().nullable(),
});
export type SupervisorRow = z.infer<typeof SupervisorRowSchema>;

/** GET /api/supervisors */
export const SupervisorListSchema = z.object({
  refreshedAt: z.string(),
  refreshIntervalMs: z.number().int(),
  supervisors: z.array(SupervisorRowSchema),
});
export type SupervisorList = z.infer<typeof SupervisorListSchema>;

export const PartitionRowSchema = z.object({
  partition: z.string(),
  currentOffset: exactOffset.nullable(),
  latestOffset: exactOffset.nullable(),
  lag: exactOffset.nullable(),
  taskId: z.string().nullable(),
});
export type PartitionRow = z.infer<typeof PartitionRowSchema>;

export const TASK_ROLES = ['active', 'publishing', 'other'] as const;

export const TaskRowSchema = z.object({
  id: z.string(),
  role: z.enum(TASK_ROLES),
  status: z.string().nullable(),
  startTime: z.string().nullable(),
  /** How long the task has run (running) or ran (complete), in ms. */
  durationMs: z.number().nullable(),
  remainingSeconds: z.number().nullable(),
  location: z.string().nullable(),
  errorMsg: z.string().nullable(),
});
export type TaskRow = z.infer<typeof TaskRowSchema>;

export const ThroughputSchema = z.object({ processedPerSecond: z.number(), errorsPerSecond: z.number() });
export type Throughput = z.infer<typeof ThroughputSchema>;

const jsonObject = z.record(z.string(), z.unknown());

export const HistoryVersionSchema = z.object({
  version: z.string(),
  spec: jsonObject,
  /** What changed from the version before it; null for the first version. */
  diff: z.custom<SpecDiff>((value) => typeof value === 'object' && value !== null && 'groups' in value).nullable(),
  /** Set when the version could not be compared (a spec this app cannot read). */
  diffProblem: z.string().nullable(),
  /** The supervisor was terminated here: Druid's tombstone entry, not a spec. */
  terminated: z.boolean(),
});
export type HistoryVersion = z.infer<typeof HistoryVersionSchema>;

/** GET /api/supervisors/{id} */
export const SupervisorDetailSchema = z.object({
  id: z.string(),
  refreshedAt: z.string(),
  status: SupervisorStatusPayloadSchema,
  throughput: ThroughputSchema.nullable(),
  totals: z.object({ processed: z.number(), processedWithError: z.number(), unparseable: z.number(), thrownAway: z.number() }).nullable(),
  partitions: z.array(PartitionRowSchema),
  tasks: z.array(TaskRowSchema),
  /** Task groups reading now (the keys of /stats), for handoff. */
  taskGroupIds: z.array(z.number().int()),
  spec: jsonObject.nullable(),
  /** The spec as a shell command against the configured Overlord; never carries credentials. */
  curl: z.string().nullable(),
  history: z.array(HistoryVersionSchema),
  lagHistory: z.array(LagPointSchema),
  /** Parts of the page that could not be read, in words. */
  problems: z.array(z.string()),
});
export type SupervisorDetail = z.infer<typeof SupervisorDetailSchema>;

export const SUPERVISOR_ACTIONS = ['suspend', 'resume', 'reset', 'terminate', 'resetOffsets', 'handoff'] as const;
export type SupervisorAction = (typeof SUPERVISOR_ACTIONS)[number];

// Strings, so offsets beyond 2^53 arrive exact.
const OFFSET_MESSAGE = 'offset must be a whole number written as a string, such as "1200"';
export const ResetOffsetsBodySchema = z.object({
  partitions: z
    .record(z.string().regex(/^\d+$/, 'partition must be a partition number'), z.string({ message: OFFSET_MESSAGE }).regex(/^\d{1,19}$/, OFFSET_MESSAGE))
    .refine((map) => Object.keys(map).length > 0, 'name at least one partition and its offset'),
});
export const HandoffBodySchema = z.object({
  taskGroupIds: z.array(z.number().int().nonnegative()).min(1, 'name at least one task group'),
});

/** POST /api/supervisors/{id}/{action} */
export const ActionResultSchema = z.object({
  id: z.string(),
  action: z.enum(SUPERVISOR_ACTIONS),
  message: z.string(),
});
export type ActionResult = z.infer<typeof ActionResultSchema>;

export const SubmitQuerySchema = z.object({
  suspended: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true').optional(),
});

export const SpecIssueSchema = z.object({ pathText: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) });

/** POST /api/supervisors */
export const SubmitResultSchema = z.object({
  id: z.string(),
  outcome: z.enum(['created', 'updated', 'unchanged']),
  message: z.string(),
  suspended: z.boolean(),
  warnings: z.array(SpecIssueSchema),
  notes: z.array(z.string()),
});
export type SubmitResult = z.infer<typeof SubmitResultSchema>;
