// dataSchema.dimensionsSpec: the columns stored as dimensions.
import { z } from 'zod';

export const dimensionSchema = z.union([
  z.string().min(1, 'a dimension name cannot be empty'),
  z.looseObject({
    type: z.string().optional(),
    name: z.string().min(1, 'a dimension name cannot be empty'),
    multiValueHandling: z.string().optional(),
    createBitmapIndex: z.boolean().optional(),
  }),
]);
export type Dimension = z.infer<typeof dimensionSchema>;

export const dimensionsSpecSchema = z.looseObject({
  dimensions: z.array(dimensionSchema).optional(),
  dimensionExclusions: z.array(z.string()).optional(),
  spatialDimensions: z.array(z.unknown()).optional(),
  includeAllDimensions: z.boolean().optional(),
  useSchemaDiscovery: z.boolean().optional(),
  forceSegmentSortByTime: z.boolean().optional(),
});
export type DimensionsSpec = z.infer<typeof dimensionsSpecSchema>;

export function dimensionName(d: Dimension): string {
  return typeof d === 'string' ? d : d.name;
}

/** A bare name is a string dimension in Druid. */
export function dimensionType(d: Dimension): string {
  return typeof d === 'string' ? 'string' : (d.type ?? 'string');
}

export function dimensionNames(spec: DimensionsSpec | undefined): string[] {
  return (spec?.dimensions ?? []).map(dimensionName);
}
