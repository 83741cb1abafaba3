// dataSchema.dimensionsSpec: the columns stored as dimensions.
import { z } from 'zod';

export const dimensionSchema = z.union([
  z.string().min(1, 'a dimension name cannot be empty'),
  z.looseObject({
    type: z.string().nullish(),
    name: z.string().min(1, 'a dimension name cannot be empty'),
    multiValueHandling: z.string().nullish(),
    createBitmapIndex: z.boolean().nullish(),
  }),
]);
export type Dimension = z.infer<typeof dimensionSchema>;

export const dimensionsSpecSchema = z.looseObject({
  dimensions: z.array(dimensionSchema).nullish(),
  dimensionExclusions: z.array(z.string()).nullish(),
  spatialDimensions: z.array(z.unknown()).nullish(),
  includeAllDimensions: z.boolean().nullish(),
  useSchemaDiscovery: z.boolean().nullish(),
  forceSegmentSortByTime: z.boolean().nullish(),
});
export type DimensionsSpec = z.infer<typeof dimensionsSpecSchema>;

export function dimensionName(d: Dimension): string {
  return typeof d === 'string' ? d : d.name;
}

/** A bare name is a string dimension in Druid. */
export function dimensionType(d: Dimension): string {
  return typeof d === 'string' ? 'string' : (d.type ?? 'string');
}

export function dimensionNames(spec: DimensionsSpec | null | undefined): string[] {
  return (spec?.dimensions ?? []).map(dimensionName);
}
