// The control API's resources, one zod schema each, shared by the server (which parses
// requests with them) and the client (which parses responses with them).
import { z } from 'zod';
import { ApiKey } from './mock-cluster';

/** Kafka protocol API keys by name, for fault injection by name. */
export const KAFKA_API_KEYS = ApiKey;
/** Highest API key Kafka defines today; numbers above it are surely typos. */
const MAX_API_KEY = 100;

export const topicNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9._-]{1,249}$/, 'a Kafka topic name: 1 to 249 of letters, digits, ".", "_" and "-"');

export const topicSchema = z.object({
  name: topicNameSchema,
  partitions: z.number().int().min(1).max(1000),
});
export type Topic = z.infer<typeof topicSchema>;

export const brokerIdSchema = z.coerce.number().int().min(1);

export const brokerSchema = z.object({
  id: z.number().int(),
  up: z.boolean(),
  rttMs: z.number().int().min(0),
});
export type Broker = z.infer<typeof brokerSchema>;

export const rttRequestSchema = z.object({ ms: z.number().int().min(0).max(600_000) });

/** An API key given by name ("Fetch", any case) or by number. */
export const apiKeySchema = z.union([z.number().int().min(0).max(MAX_API_KEY), z.string().min(1)]).transform((key, ctx) => {
  if (typeof key === 'number') return key;
  if (/^\d+$/.test(key)) return Number(key);
  const found = Object.entries(KAFKA_API_KEYS).find(([name]) => name.toLowerCase() === key.toLowerCase());
  if (found) return found[1];
  ctx.addIssue({ code: 'custom', message: `unknown Kafka API "${key}"; use a number or one of ${Object.keys(KAFKA_API_KEYS).join(', ')}` });
  return z.NEVER;
});

export const requestErrorsSchema = z.object({
  apiKey: apiKeySchema,
  // Kafka protocol error codes (NOT_LEADER_OR_FOLLOWER is 6); -1 is UNKNOWN_SERVER_ERROR.
  codes: z.array(z.number().int().min(-1).max(32_767)).min(1),
});

export const leaderRequestSchema = z.object({ broker: z.number().int().min(1) });
export const partitionSchema = z.coerce.number().int().min(0);

/** What devstack/kafka/main.ts writes once the cluster is ready. */
export const kafkaStateSchema = z.object({
  bootstrapServers: z.string().min(1),
  brokers: z.array(z.number().int()),
  topics: z.array(topicSchema),
  controlUrl: z.url(),
  pid: z.number().int(),
});
export type KafkaState = z.infer<typeof kafkaStateSchema>;

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const topicsResponseSchema = z.object({ topics: z.array(topicSchema) });
export const brokersResponseSchema = z.object({ brokers: z.array(brokerSchema) });
export const okResponseSchema = z.object({ ok: z.literal(true) });
