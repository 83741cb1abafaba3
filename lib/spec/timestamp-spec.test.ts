import { describe, expect, it } from 'vitest';
import { timestampColumnOf, timestampFormatOf, timestampSpecSchema } from './timestamp-spec';

describe('timestampSpec', () => {
  it("falls back to Druid's defaults for what it leaves out", () => {
    expect(timestampColumnOf(undefined)).toBe('timestamp');
    expect(timestampFormatOf({ column: 'ts' })).toBe('auto');
    expect(timestampFormatOf({ column: 'ts', format: 'millis' })).toBe('millis');
  });

  it('accepts the echoed null missingValue and rejects an empty column name', () => {
    expect(timestampSpecSchema.safeParse({ column: '__time', format: 'iso', missingValue: null }).success).toBe(true);
    expect(timestampSpecSchema.safeParse({ column: '' }).success).toBe(false);
  });
});
