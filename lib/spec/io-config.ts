// spec.ioConfig for Kafka: what to read and how many tasks read it.
// Fields and defaults follow Druid's supervisor.md and kafka-ingestion.md.
import { z } from 'zod';
import { inputFormatSchema } from './input-format';
import { periodSchema } from './period';

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();

export const autoScalerConfigSchema = z.looseObject({
  enableTaskAutoScaler: z.boolean().optional(),
  taskCountMax: positiveInt.optional(),
  taskCountMin: positiveInt.optional(),
  autoScalerStrategy: z.string().optional(),
  minTriggerScaleActionFrequencyMillis: nonNegativeInt.optional(),
  lagCollectionIntervalMillis: nonNegativeInt.optional(),
  lagCollectionRangeMillis: nonNegativeInt.optional(),
  scaleOutThreshold: nonNegativeInt.optional(),
  scaleInThreshold: nonNegativeInt.optional(),
  triggerScaleOutFractionThreshold: z.number().min(0).max(1).optional(),
  triggerScaleInFractionThreshold: z.number().min(0).max(1).optional(),
  scaleActionStartDelayMillis: nonNegativeInt.optional(),
  scaleActionPeriodMillis: nonNegativeInt.optional(),
  scaleInStep: positiveInt.optional(),
  scaleOutStep: positiveInt.optional(),
  lagAggregate: z.enum(['MAX', 'SUM', 'AVERAGE']).optional(),
});

export const idleConfigSchema = z.looseObject({
  enabled: z.boolean().optional(),
  inactiveAfterMillis: nonNegativeInt.optional(),
});

// Values are usually strings, but Druid also accepts objects here (dynamic config providers for secrets).
export const consumerPropertiesSchema = z.record(z.string(), z.unknown());

export const ioConfigSchema = z.looseObject({
  type: z.literal('kafka', { message: 'must be "kafka"' }).optional(),
  topic: z.string().min(1, 'the topic cannot be empty').optional(),
  topicPattern: z.string().min(1, 'the topic pattern cannot be empty').optional(),
  consumerProperties: consumerPropertiesSchema,
  inputFormat: inputFormatSchema.optional(),
  useEarliestOffset: z.boolean().optional(),
  pollTimeout: nonNegativeInt.optional(),
  taskCount: positiveInt.optional(),
  replicas: positiveInt.optional(),
  taskDuration: periodSchema.optional(),
  startDelay: periodSchema.optional(),
  period: periodSchema.optional(),
  completionTimeout: periodSchema.optional(),
  lateMessageRejectionStartDateTime: z.string().nullable().optional(),
  lateMessageRejectionPeriod: periodSchema.nullable().optional(),
  earlyMessageRejectionPeriod: periodSchema.nullable().optional(),
  autoScalerConfig: autoScalerConfigSchema.nullable().optional(),
  idleConfig: idleConfigSchema.nullable().optional(),
  configOverrides: z.unknown().optional(),
});
export type IoConfig = z.infer<typeof ioConfigSchema>;

/** Documented defaults, used to tell "left out" from "changed" when comparing specs. */
export const IO_CONFIG_DEFAULTS: Readonly<Record<string, unknown>> = {
  type: 'kafka',
  useEarliestOffset: false,
  pollTimeout: 100,
  taskCount: 1,
  replicas: 1,
  taskDuration: 'PT1H',
  startDelay: 'PT5S',
  period: 'PT30S',
  completionTimeout: 'PT30M',
};

/** Fields the Overlord echoes back as aliases of others; they carry no meaning of their own. */
export const IO_CONFIG_ECHO_ALIASES: Readonly<Record<string, string>> = {
  stream: 'topic',
  useEarliestSequenceNumber: 'useEarliestOffset',
};

export function bootstrapServersOf(io: IoConfig): string[] {
  const value = io.consumerProperties['bootstrap.servers'];
  return typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}
