// dataSchema.transformSpec: expressions that derive or overwrite columns, and a row filter.
import { z } from 'zod';

export const transformSchema = z.looseObject({
  type: z.string().nullish(),
  name: z.string().min(1, 'a transform needs a name'),
  expression: z.string().nullish(),
});
export type Transform = z.infer<typeof transformSchema>;

export const transformSpecSchema = z.looseObject({
  transforms: z.array(transformSchema).nullish(),
  filter: z.looseObject({ type: z.string() }).nullish(),
});
export type TransformSpec = z.infer<typeof transformSpecSchema>;
