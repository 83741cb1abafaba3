import { describe, expect, it } from 'vitest';
import { tuningConfigSchema } from './tuning-config';

describe('tuningConfig', () => {
  it('needs the kafka type and keeps fields newer Druid versions add', () => {
    expect(tuningConfigSchema.safeParse({ maxRowsInMemory: 1000 }).success).toBe(false);
    const tuning = { type: 'kafka', maxRowsInMemory: 1000, appendableIndexSpec: { type: 'onheap' }, futureKnob: true };
    expect(tuningConfigSchema.parse(tuning)).toEqual(tuning);
  });

  it('rejects numbers written as strings, which the import converts instead', () => {
    const result = tuningConfigSchema.safeParse({ type: 'kafka', maxRowsInMemory: '100000' });
    expect(result.error?.issues[0].path).toEqual(['maxRowsInMemory']);
  });
});
