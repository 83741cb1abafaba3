// dataSchema.metricsSpec: aggregators that compute columns at ingestion (and on rollup).
import { z } from 'zod';

export const aggregatorSchema = z.looseObject({
  type: z.string().min(1, 'an aggregator needs a type, such as "count" or "longSum"'),
  name: z.string().min(1, 'an aggregator needs a name'),
  fieldName: z.string().nullish(),
  expression: z.string().nullish(),
});
export type Aggregator = z.infer<typeof aggregatorSchema>;

export const metricsSpecSchema = z.array(aggregatorSchema);
export type MetricsSpec = z.infer<typeof metricsSpecSchema>;

/** The input columns an aggregator reads. */
export function aggregatorInputs(agg: Aggregator): string[] {
  const inputs: string[] = [];
  if (typeof agg.fieldName === 'string') inputs.push(agg.fieldName);
  if (Array.isArray(agg.fieldNames)) inputs.push(...agg.fieldNames.filter((f): f is string => typeof f === 'string'));
  return inputs;
}
