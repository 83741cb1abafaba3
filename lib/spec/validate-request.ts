// The body of POST /api/spec/validate, shared by the route and the review step.
import { z } from 'zod';

export const ValidateSpecRequestSchema = z
  .object({
    /** A spec as pasted, possibly with comments or in a legacy form. */
    text: z.string().max(5_000_000).optional(),
    /** Or a spec already parsed. */
    spec: z.unknown().optional(),
    /** The topic's partition count, for the taskCount check; looked up when missing. */
    partitionCount: z.number().int().positive().optional(),
  })
  .refine((body) => body.text !== undefined || body.spec !== undefined, { message: 'send the spec as "spec" (JSON) or "text" (as pasted)' });

export type ValidateSpecRequest = z.infer<typeof ValidateSpecRequestSchema>;
