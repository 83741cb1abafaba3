// spec.tuningConfig for Kafka: memory, persist and handoff knobs. All optional but "type".
import { z } from 'zod';
import { periodSchema } from './period';

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();

export const tuningConfigSchema = z.looseObject({
  type: z.literal('kafka', { message: 'must be "kafka"' }),
  maxRowsInMemory: positiveInt.nullish(),
  maxBytesInMemory: z.number().int().nullish(),
  skipBytesInMemoryOverheadCheck: z.boolean().nullish(),
  maxRowsPerSegment: positiveInt.nullish(),
  maxTotalRows: positiveInt.nullish(),
  intermediateHandoffPeriod: periodSchema.nullish(),
  intermediatePersistPeriod: periodSchema.nullish(),
  maxPendingPersists: nonNegativeInt.nullish(),
  indexSpec: z.looseObject({}).nullish(),
  indexSpecForIntermediatePersists: z.looseObject({}).nullish(),
  reportParseExceptions: z.boolean().nullish(),
  handoffConditionTimeout: nonNegativeInt.nullish(),
  resetOffsetAutomatically: z.boolean().nullish(),
  workerThreads: positiveInt.nullish(),
  chatRetries: nonNegativeInt.nullish(),
  httpTimeout: periodSchema.nullish(),
  shutdownTimeout: periodSchema.nullish(),
  offsetFetchPeriod: periodSchema.nullish(),
  segmentWriteOutMediumFactory: z.looseObject({}).nullish(),
  logParseExceptions: z.boolean().nullish(),
  maxParseExceptions: nonNegativeInt.nullish(),
  maxSavedParseExceptions: nonNegativeInt.nullish(),
  numPersistThreads: positiveInt.nullish(),
});
export type TuningConfig = z.infer<typeof tuningConfigSchema>;

/** Fields whose values must be numbers; pasted specs sometimes quote them. */
export const NUMERIC_TUNING_FIELDS: readonly string[] = [
  'maxRowsInMemory',
  'maxBytesInMemory',
  'maxRowsPerSegment',
  'maxTotalRows',
  'maxPendingPersists',
  'handoffConditionTimeout',
  'workerThreads',
  'chatRetries',
  'maxParseExceptions',
  'maxSavedParseExceptions',
  'numPersistThreads',
];

const DEFAULT_INDEX_SPEC = {
  bitmap: { type: 'roaring' },
  dimensionCompression: 'lz4',
  stringDictionaryEncoding: { type: 'utf8' },
  metricCompression: 'lz4',
  longEncoding: 'longs',
};

/**
 * Values equal to leaving the field out: the documented defaults, plus the spellings the
 * Overlord echoes for them (0 for maxBytesInMemory means "one sixth of the heap",
 * 2147483647 parse exceptions means unlimited). handoffConditionTimeout's documented
 * default is 900000 ms for Kafka; older Overlords echo 0.
 */
export const TUNING_CONFIG_DEFAULTS: Readonly<Record<string, readonly unknown[]>> = {
  maxRowsInMemory: [150000],
  maxBytesInMemory: [0],
  skipBytesInMemoryOverheadCheck: [false],
  maxRowsPerSegment: [5000000],
  maxTotalRows: [20000000],
  intermediateHandoffPeriod: ['P2147483647D'],
  intermediatePersistPeriod: ['PT10M'],
  maxPendingPersists: [0],
  indexSpec: [DEFAULT_INDEX_SPEC, {}],
  indexSpecForIntermediatePersists: [DEFAULT_INDEX_SPEC, {}],
  reportParseExceptions: [false],
  handoffConditionTimeout: [900000, 0],
  resetOffsetAutomatically: [false],
  chatRetries: [8],
  httpTimeout: ['PT10S'],
  shutdownTimeout: ['PT80S'],
  offsetFetchPeriod: ['PT30S'],
  logParseExceptions: [false],
  maxParseExceptions: [2147483647],
  maxSavedParseExceptions: [0],
  numPersistThreads: [1],
  appendableIndexSpec: [{ type: 'onheap', preserveExistingMetrics: false }, { type: 'onheap' }],
  skipSequenceNumberAvailabilityCheck: [false],
  repartitionTransitionDuration: ['PT120S', 'PT2M'],
  // -1: no limit on the columns merged in one phase.
  maxColumnsToMerge: [-1],
};
