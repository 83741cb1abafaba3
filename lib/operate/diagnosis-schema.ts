// GET /api/supervisors/{id}/diagnosis: why nothing lands, as findings with their evidence and the
// action that fixes each. One schema, shared by the route handler and the status page's panel.
import { z } from 'zod';

const exactCount = z.string().regex(/^-?\d+$/, 'must be a whole number');

export const DIAGNOSIS_KINDS = ['cannot_connect', 'offsets_out_of_range', 'unparseable', 'thrown_away', 'task_failing', 'task_count'] as const;
export type DiagnosisKind = (typeof DIAGNOSIS_KINDS)[number];
export const DIAGNOSIS_SEVERITIES = ['error', 'warning', 'info'] as const;
export type DiagnosisSeverity = (typeof DIAGNOSIS_SEVERITIES)[number];

/** One offending row: where it sits in Kafka (when known), what it held, and why Druid did not keep it. */
export const DiagnosisExampleSchema = z.object({
  partition: z.number().int().nullable(),
  offset: exactCount.nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  /** Its event time as the spec's timestampSpec reads it, when it could be read. */
  eventTime: z.string().nullable(),
  /** Where the example comes from: a task's report of its parse exceptions, or Tributary's sample of the topic. */
  source: z.enum(['task-report', 'sample']),
});
export type DiagnosisExample = z.infer<typeof DiagnosisExampleSchema>;

/** Sampled event times in buckets, against the window of event times Druid accepts now. Times are epoch milliseconds. */
export const EventTimeSpreadSchema = z.object({
  buckets: z.array(z.object({ startMs: z.number(), endMs: z.number(), rows: z.number().int(), side: z.enum(['late', 'inside', 'early']) })),
  /** Null bounds are open: no late or early rejection is configured. */
  window: z.object({ startMs: z.number().nullable(), endMs: z.number().nullable() }),
  sampledAt: z.number(),
});
export type EventTimeSpread = z.infer<typeof EventTimeSpreadSchema>;

/** A setting that would have kept the thrown-away rows of the sample. */
export const SuggestedSettingSchema = z.object({
  name: z.string(),
  value: z.string(),
  current: z.string().nullable(),
  /** Share of the sampled rows with an event time that the suggested value keeps, 0 to 100, and that the current one keeps. */
  keepsPercent: z.number(),
  currentKeepsPercent: z.number(),
});
export type SuggestedSetting = z.infer<typeof SuggestedSettingSchema>;

export const OffsetGapSchema = z.object({
  partition: z.number().int(),
  /** Where Druid would go on reading. */
  stored: exactCount,
  /** The oldest offset Kafka still keeps, and its end offset. */
  earliest: exactCount,
  latest: exactCount,
  /** Messages between the two that retention deleted before Druid read them. */
  deleted: exactCount,
});
export type OffsetGap = z.infer<typeof OffsetGapSchema>;

export const FailedTaskSchema = z.object({
  taskId: z.string(),
  createdTime: z.string().nullable(),
  errorMsg: z.string().nullable(),
  /** The first ERROR or exception line of the task's log. */
  logLine: z.string().nullable(),
  /** Why there is no log line (the log is not kept, or could not be read). */
  logNote: z.string().nullable(),
});
export type FailedTask = z.infer<typeof FailedTaskSchema>;

export const DiagnosisEvidenceSchema = z.object({
  /** Plain facts in operator words: "Kafka keeps offsets 1200 to 1500 of partition 0". */
  facts: z.array(z.string()),
  counts: z.record(z.string(), z.number()).optional(),
  examples: z.array(DiagnosisExampleSchema).optional(),
  spread: EventTimeSpreadSchema.optional(),
  settings: z.array(SuggestedSettingSchema).optional(),
  partitions: z.array(OffsetGapSchema).optional(),
  tasks: z.array(FailedTaskSchema).optional(),
});
export type DiagnosisEvidenceView = z.infer<typeof DiagnosisEvidenceSchema>;

export const DiagnosisFixSchema = z.object({ label: z.string(), href: z.string() });
export type DiagnosisFix = z.infer<typeof DiagnosisFixSchema>;

export const DiagnosisFindingSchema = z.object({
  kind: z.enum(DIAGNOSIS_KINDS),
  severity: z.enum(DIAGNOSIS_SEVERITIES),
  message: z.string(),
  evidence: DiagnosisEvidenceSchema,
  fix: DiagnosisFixSchema.nullable(),
});
export type DiagnosisFinding = z.infer<typeof DiagnosisFindingSchema>;

export const DiagnosisSchema = z.object({
  supervisorId: z.string(),
  checkedAt: z.string(),
  /** Most severe first; empty when all is well. */
  findings: z.array(DiagnosisFindingSchema),
  /** Evidence that could not be gathered, so a check could not be made. */
  problems: z.array(z.string()),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;
