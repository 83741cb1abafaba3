// One zod schema per resource of /api/kafka, shared by the route handlers and the browser hooks.
// Isomorphic: no server-only imports here, the Load wizard parses responses with these too.
import { z } from 'zod';

/** Kafka's own rule for topic names (kafka.common.internals.Topic): legal characters, at most 249. */
export const TopicNameSchema = z
  .string()
  .min(1, 'is empty')
  .max(249, 'is longer than 249 characters, which Kafka does not allow')
  .regex(/^[a-zA-Z0-9._-]+$/, 'may only contain letters, digits, ".", "_" and "-"')
  .refine((name) => name !== '.' && name !== '..', 'cannot be "." or ".."');

/** Offsets are int64 on the wire: decimal strings here, never floats. */
export const OffsetSchema = z.string().regex(/^\d{1,19}$/, 'must be a whole number of at most 19 digits, such as "1024"');

export const SAMPLE_LIMIT_DEFAULT = 500;
export const SAMPLE_LIMIT_MAX = 10_000;
export const SAMPLE_MAX_BYTES_DEFAULT = 16 * 1024 * 1024;
export const SAMPLE_MAX_BYTES_MAX = 64 * 1024 * 1024;
export const SAMPLE_TIMEOUT_MS_DEFAULT = 15_000;
export const SAMPLE_TIMEOUT_MS_MAX = 120_000;

export const SampleFromSchema = z.union([
  z.literal('earliest'),
  z.literal('latest'),
  z.object({ timestamp: z.number().int().nonnegative('must be milliseconds since 1970') }).strict(),
  z
    .object({
      offsets: z
        .record(z.string().regex(/^\d+$/, 'partition must be a number'), OffsetSchema)
        .refine((o) => Object.keys(o).length > 0, 'must name at least one partition'),
    })
    .strict(),
]);
export type SampleFrom = z.infer<typeof SampleFromSchema>;

export const SampleRequestSchema = z
  .object({
    from: SampleFromSchema.default('earliest'),
    limit: z.number().int().min(1, 'must be at least 1').max(SAMPLE_LIMIT_MAX, `must be at most ${SAMPLE_LIMIT_MAX}`).default(SAMPLE_LIMIT_DEFAULT),
    maxBytes: z.number().int().min(1024, 'must be at least 1024').max(SAMPLE_MAX_BYTES_MAX, `must be at most ${SAMPLE_MAX_BYTES_MAX}`).default(SAMPLE_MAX_BYTES_DEFAULT),
    timeoutMs: z.number().int().min(100, 'must be at least 100').max(SAMPLE_TIMEOUT_MS_MAX, `must be at most ${SAMPLE_TIMEOUT_MS_MAX}`).default(SAMPLE_TIMEOUT_MS_DEFAULT),
    partitions: z.array(z.number().int().nonnegative()).min(1, 'must name at least one partition').optional(),
  })
  .strict();
export type SampleRequest = z.infer<typeof SampleRequestSchema>;
export type SampleRequestInput = z.input<typeof SampleRequestSchema>;

const HeaderSchema = z.object({ key: z.string(), value: z.string().nullable(), encoding: z.enum(['utf8', 'base64']) });

/**
 * One message as the wizard sees it. Kafka metadata is null for pasted or uploaded messages.
 * Values that are not UTF-8 come as base64; values past the display cut keep their full size in valueSize.
 */
export const SampleRecordSchema = z.object({
  partition: z.number().int().nullable(),
  offset: z.string().nullable(),
  timestamp: z.number().nullable(),
  timestampType: z.enum(['create', 'log-append']).nullable(),
  key: z.string().nullable(),
  keyEncoding: z.enum(['utf8', 'base64']),
  value: z.string().nullable(),
  valueEncoding: z.enum(['utf8', 'base64']),
  valueSize: z.number().int().nonnegative(),
  valueTruncated: z.boolean(),
  headers: z.array(HeaderSchema),
});
export type SampleRecord = z.infer<typeof SampleRecordSchema>;

const PartitionProgressSchema = z.object({
  partition: z.number().int(),
  startOffset: z.string(),
  nextOffset: z.string(),
  endOffset: z.string(),
  records: z.number().int(),
  state: z.enum(['reading', 'end', 'limit', 'error']),
  error: z.string().optional(),
});
export type PartitionProgress = z.infer<typeof PartitionProgressSchema>;

const ProgressSchema = z.object({
  records: z.number().int(),
  bytes: z.number().int(),
  elapsedMs: z.number(),
  /** How many records the sample can hold at most: the limit, or fewer when the partitions hold fewer. */
  expected: z.number().int(),
  partitions: z.array(PartitionProgressSchema),
});
export type SampleProgress = z.infer<typeof ProgressSchema>;

export const TimestampLookupSchema = z.object({
  timestamp: z.number(),
  method: z.enum(['list-offsets', 'binary-search']),
  /** Why the broker's answer was not used, when it was not. */
  note: z.string().optional(),
});

export const SampleEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    topic: z.string(),
    progress: ProgressSchema,
    timestampLookup: TimestampLookupSchema.optional(),
    warnings: z.array(z.string()),
  }),
  z.object({ type: z.literal('records'), records: z.array(SampleRecordSchema), progress: ProgressSchema }),
  z.object({
    type: z.literal('end'),
    reason: z.enum(['complete', 'limit', 'bytes', 'deadline', 'cancelled', 'failed']),
    message: z.string(),
    progress: ProgressSchema,
    timestampLookup: TimestampLookupSchema.optional(),
    warnings: z.array(z.string()),
  }),
  z.object({ type: z.literal('error'), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type SampleEvent = z.infer<typeof SampleEventSchema>;
export type SampleEndReason = Extract<SampleEvent, { type: 'end' }>['reason'];

export const PartitionInfoSchema = z.object({
  partition: z.number().int(),
  leader: z.number().int().nullable(),
  replicas: z.array(z.number().int()),
  isr: z.array(z.number().int()),
  offlineReplicas: z.array(z.number().int()),
  earliestOffset: z.string().nullable(),
  latestOffset: z.string().nullable(),
  /** latest - earliest: exact for plain topics, an upper bound where compaction removed records. */
  messages: z.string().nullable(),
  newestTimestamp: z.number().nullable(),
  error: z.string().optional(),
});
export type PartitionInfo = z.infer<typeof PartitionInfoSchema>;

export const TopicSummarySchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  partitionCount: z.number().int(),
  replicationFactor: z.number().int(),
  messages: z.string().nullable(),
  /** Messages per second between this observation and the server's previous one; null on first sight. */
  ratePerSec: z.number().nullable(),
  newestTimestamp: z.number().nullable(),
  partitions: z.array(PartitionInfoSchema),
  /** Partitions whose offsets or leader could not be read, said in words. */
  problems: z.array(z.string()),
});
export type TopicSummary = z.infer<typeof TopicSummarySchema>;

export const TopicListSchema = z.object({
  topics: z.array(TopicSummarySchema),
  hiddenInternal: z.number().int(),
  brokers: z.array(z.object({ nodeId: z.number().int(), host: z.string(), port: z.number().int() })),
  observedAt: z.number(),
});
export type TopicList = z.infer<typeof TopicListSchema>;

/** retention.ms, retention.bytes and cleanup.policy in words ("7 days", "forever", "unlimited", "compact, delete"). */
export const TopicRetentionSchema = z.object({ time: z.string(), size: z.string(), cleanupPolicy: z.string() });
export type TopicRetention = z.infer<typeof TopicRetentionSchema>;

export const GroupPartitionOffsetSchema = z.object({
  partition: z.number().int(),
  /** The group's committed offset: the next message it will read. Null where it committed none. */
  committedOffset: z.string().nullable(),
  /** latest offset - committed offset; null where either is unknown. */
  lag: z.string().nullable(),
});
export type GroupPartitionOffset = z.infer<typeof GroupPartitionOffsetSchema>;

export const TopicConsumerGroupSchema = z.object({
  groupId: z.string(),
  /** Kafka's group state ("Stable", "Empty", "PreparingRebalance", …); null where DescribeGroups did not answer. */
  state: z.string().nullable(),
  members: z.number().int().nullable(),
  /** Every partition of the topic, committed or not. */
  partitions: z.array(GroupPartitionOffsetSchema),
  /** Sum of the lag of the partitions the group committed; null if any of them has no known lag. */
  totalLag: z.string().nullable(),
  /** Why state and members are unknown, in words. */
  describeError: z.string().optional(),
});
export type TopicConsumerGroup = z.infer<typeof TopicConsumerGroupSchema>;

/** The consumer groups with committed offsets on a topic, found with ListGroups, OffsetFetch and DescribeGroups only. */
export const TopicConsumerGroupsSchema = z.object({
  groups: z.array(TopicConsumerGroupSchema),
  /** Groups the cluster listed (those that can hold offsets). */
  listed: z.number().int(),
  /** Groups whose offsets on this topic were read. */
  checked: z.number().int(),
  /** Groups not checked: past the limit, or not reached before the deadline. */
  leftOut: z.number().int(),
  /** Why the list is absent or incomplete (refused, unsupported, deadline), in words. */
  problems: z.array(z.string()),
});
export type TopicConsumerGroups = z.infer<typeof TopicConsumerGroupsSchema>;

export const TopicDetailSchema = TopicSummarySchema.extend({
  /** Topic configuration as the broker reports it; null where the broker cannot say (configNote tells why). */
  configs: z.record(z.string(), z.string().nullable()).nullable(),
  retention: TopicRetentionSchema.nullable(),
  configNote: z.string().optional(),
  consumerGroups: TopicConsumerGroupsSchema,
});
export type TopicDetail = z.infer<typeof TopicDetailSchema>;

export const TopicListQuerySchema = z.object({
  internal: z.enum(['true', 'false'], { message: 'must be true or false' }).optional().transform((v) => v === 'true'),
});

export const TopicParamsSchema = z.object({ topic: TopicNameSchema });
