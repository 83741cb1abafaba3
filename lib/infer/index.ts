// lib/infer: a sample of Kafka messages in, a Druid schema out, every choice explained.
export { inferSchema, type InferOptions, type InferResult } from './infer';
export { previewPlan, type Preview, type PreparedSample, type HistogramBucket } from './preview';
export { inferInputSchema, kafkaRecordSchema, type InferInput, type KafkaRecord } from './input';
export { toDruidPieces, type DruidPieces } from './druid-spec';
export type { SchemaResolver, SchemaType } from './decoders/confluent';
export { KAFKA_TIMESTAMP_COLUMN } from './timestamp/candidates';
export type * from './model';
