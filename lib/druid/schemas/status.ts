// Service status endpoints, answered by every Druid service (docs/api-reference/service-status-api.md).
import { z } from 'zod';
import { count } from './common';

/** GET /status */
export const StatusSchema = z.looseObject({
  version: z.string(),
  modules: z
    .array(z.looseObject({ name: z.string(), artifact: z.string().nullish(), version: z.string().nullish() }))
    .default([]),
  memory: z
    .looseObject({
      maxMemory: count.optional(),
      totalMemory: count.optional(),
      freeMemory: count.optional(),
      usedMemory: count.optional(),
      directMemory: count.optional(),
    })
    .optional(),
});
export type DruidStatus = z.output<typeof StatusSchema>;

/** GET /status/health: a bare JSON `true`. */
export const StatusHealthSchema = z.boolean();
export const SelfDiscoveredSchema = z.looseObject({ selfDiscovered: z.boolean() });
/** GET /druid/indexer/v1/isLeader (404 when this Overlord is not the leader). */
export const OverlordIsLeaderSchema = z.looseObject({ leader: z.boolean() });
/** GET /druid/broker/v1/loadstatus */
export const BrokerLoadStatusSchema = z.looseObject({ inventoryInitialized: z.boolean() });
/** GET /druid/worker/v1/enabled: host:port -> enabled. */
export const WorkerEnabledSchema = z.record(z.string(), z.boolean());
