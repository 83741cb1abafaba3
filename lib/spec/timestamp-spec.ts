// dataSchema.timestampSpec: which input column holds event time, and how to read it.
import { z } from 'zod';

/** Druid's defaults when timestampSpec leaves them out. */
export const DEFAULT_TIMESTAMP_COLUMN = 'timestamp';
export const DEFAULT_TIMESTAMP_FORMAT = 'auto';

export const timestampSpecSchema = z.looseObject({
  column: z.string().min(1, 'the timestamp column cannot be empty').nullish(),
  // iso, auto, millis, posix, micro, nano, ruby, or a Joda pattern such as yyyy-MM-dd HH:mm:ss.
  format: z.string().min(1, 'the timestamp format cannot be empty').nullish(),
  missingValue: z.union([z.string(), z.number()]).nullish(),
});
export type TimestampSpec = z.infer<typeof timestampSpecSchema>;

export function timestampColumnOf(spec: TimestampSpec | null | undefined): string {
  return spec?.column ?? DEFAULT_TIMESTAMP_COLUMN;
}

export function timestampFormatOf(spec: TimestampSpec | null | undefined): string {
  return spec?.format ?? DEFAULT_TIMESTAMP_FORMAT;
}
