// spec.ioConfig for Kafka: what to read and how many tasks read it.
// Fields and defaults follow Druid's supervisor.md and kafka-ingestion.md.
import { z } from 'zod';
import { inputFormatSchema } from './input-format';
import { periodSchema } from './period';

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();

export const autoScalerConfigSchema = z.looseObject({
  enableTaskAutoScaler: z.boolean().nullish(),
  taskCountMax: positiveInt.nullish(),
  taskCountMin: positiveInt.nullish(),
  autoScalerStrategy: z.string().nullish(),
  minTriggerScaleActionFrequencyMillis: nonNegativeInt.nullish(),
  lagCollectionIntervalMillis: nonNegativeInt.nullish(),
  lagCollectionRangeMillis: nonNegativeInt.nullish(),
  scaleOutThreshold: nonNegativeInt.nullish(),
  scaleInThreshold: nonNegativeInt.nullish(),
  triggerScaleOutFractionThreshold: z.number().min(0).max(1).nullish(),
  triggerScaleInFractionThreshold: z.number().min(0).max(1).nullish(),
  scaleActionStartDelayMillis: nonNegativeInt.nullish(),
  scaleActionPeriodMillis: nonNegativeInt.nullish(),
  scaleInStep: positiveInt.nullish(),
  scaleOutStep: positiveInt.nullish(),
  lagAggregate: z.enum(['MAX', 'SUM', 'AVERAGE']).nullish(),
});

export const idleConfigSchema = z.looseObject({
  enabled: z.boolean().nullish(),
  inactiveAfterMillis: nonNegativeInt.nullish(),
});

// Values are usually strings, but Druid also accepts objects here (dynamic config providers for secrets).
export const consumerPropertiesSchema = z.record(z.string(), z.unknown());

export const ioConfigSchema = z.looseObject({
  type: z.literal('kafka', { message: 'must be "kafka"' }).nullish(),
  topic: z.string().min(1, 'the topic cannot be empty').nullish(),
  topicPattern: z.string().min(1, 'the topic pattern cannot be empty').nullish(),
  consumerProperties: consumerPropertiesSchema,
  inputFormat: inputFormatSchema.nullish(),
  useEarliestOffset: z.boolean().nullish(),
  pollTimeout: nonNegativeInt.nullish(),
  taskCount: positiveInt.nullish(),
  replicas: positiveInt.nullish(),
  taskDuration: periodSchema.nullish(),
  startDelay: periodSchema.nullish(),
  period: periodSchema.nullish(),
  completionTimeout: periodSchema.nullish(),
  lateMessageRejectionStartDateTime: z.string().nullish(),
  lateMessageRejectionPeriod: periodSchema.nullish(),
  earlyMessageRejectionPeriod: periodSchema.nullish(),
  autoScalerConfig: autoScalerConfigSchema.nullish(),
  idleConfig: idleConfigSchema.nullish(),
  configOverrides: z.unknown().nullish(),
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
