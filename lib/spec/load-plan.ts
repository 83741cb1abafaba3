// The load plan: what the Load wizard's form holds, from which the supervisor spec is built.
// The spec pieces are Druid's own JSON (as lib/infer suggests them), the rest are form fields.
import { z } from 'zod';
import { dimensionsSpecSchema } from './dimensions-spec';
import { granularitySpecSchema } from './granularity-spec';
import { inputFormatSchema } from './input-format';
import { metricsSpecSchema } from './metrics-spec';
import { periodSchema } from './period';
import { timestampSpecSchema } from './timestamp-spec';
import { transformSpecSchema } from './transform-spec';
import { tuningConfigSchema } from './tuning-config';

/** tuningConfig fields the user sets; "type" is always "kafka" and added by the builder. */
export const tuningOverridesSchema = tuningConfigSchema.omit({ type: true });
export type TuningOverrides = z.infer<typeof tuningOverridesSchema>;

export const loadPlanSchema = z
  .object({
    /** The topic to read; the wizard always sets this. */
    topic: z.string().min(1, 'choose a topic').optional(),
    /** A regex over topic names, for specs that read several topics (Druid 28+). */
    topicPattern: z.string().min(1).optional(),
    datasource: z.string().min(1, 'name the datasource to write'),
    /** Brokers as Druid's tasks reach them (config's brokersForDruid). */
    bootstrapServers: z.array(z.string().min(1)).min(1, 'list at least one Kafka broker').readonly(),
    /** Extra Kafka consumer properties (security settings, group.id...), without bootstrap.servers. */
    consumerProperties: z
      .record(z.string(), z.unknown())
      .refine((props) => !('bootstrap.servers' in props), 'set brokers in bootstrapServers, not in consumerProperties')
      .default({}),
    inputFormat: inputFormatSchema,
    timestampSpec: timestampSpecSchema,
    dimensionsSpec: dimensionsSpecSchema,
    metricsSpec: metricsSpecSchema.default([]),
    granularitySpec: granularitySpecSchema,
    transformSpec: transformSpecSchema.optional(),
    // No default on purpose: Druid's default (false) skips everything already in the topic.
    useEarliestOffset: z.boolean({
      message: 'choose where reading starts: true reads the messages already in the topic, false only new ones',
    }),
    taskCount: z.number().int().positive().default(1),
    replicas: z.number().int().positive().default(1),
    taskDuration: periodSchema.default('PT1H'),
    lateMessageRejectionPeriod: periodSchema.optional(),
    earlyMessageRejectionPeriod: periodSchema.optional(),
    tuning: tuningOverridesSchema.default({}),
    suspended: z.boolean().optional(),
  })
  .superRefine((plan, ctx) => {
    if ((plan.topic === undefined) === (plan.topicPattern === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['topic'], message: 'set a topic (or a topicPattern), but not both' });
    }
  });

/** A complete plan, defaults applied. */
export type LoadPlan = z.output<typeof loadPlanSchema>;
/** A plan as the wizard may write it, before defaults. */
export type LoadPlanInput = z.input<typeof loadPlanSchema>;
