// The review step's resources, shared by their routes and the browser.
import { z } from 'zod';
import { kafkaSecurityForDruidSchema } from '@/lib/spec/kafka-security';

/** GET /api/load/defaults: what the server knows that a spec needs; never credentials. */
export const LoadDefaultsSchema = z.object({
  /** bootstrap.servers as Druid's tasks reach Kafka (which may differ from how Tributary does). */
  bootstrapServers: z.array(z.string()).min(1),
  /** Where copy-as-curl sends the spec: the Overlord or a Router. */
  overlordUrl: z.string(),
  /** How Druid's consumers authenticate to Kafka: protocol, mechanism, user and variable names, never a password. */
  kafkaSecurity: kafkaSecurityForDruidSchema.optional(),
  /** The clusters a spec may send Druid to; the review marks any other address as it is typed. */
  ownClusters: z.object({ kafka: z.array(z.string()), schemaRegistries: z.array(z.string()) }).optional(),
});
export type LoadDefaults = z.infer<typeof LoadDefaultsSchema>;

/** POST /api/load/check: a spec to run through Druid's sampler. */
export const CheckRequestSchema = z.object({
  spec: z.record(z.string(), z.unknown()),
  numRows: z.number().int().min(1).max(1000).default(200),
});

export const CheckResponseSchema = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(true),
    numRowsRead: z.number(),
    numRowsIndexed: z.number(),
    rows: z.array(z.record(z.string(), z.unknown())),
    unparseable: z.array(z.object({ raw: z.string().nullable(), error: z.string() })),
  }),
  z.object({ available: z.literal(false), reason: z.string() }),
]);
export type CheckResponse = z.infer<typeof CheckResponseSchema>;
