// Every case in testdata/samples is inferred as its expected.json says.
import { describe, expect, it } from 'vitest';
import { inferSchema } from './infer';
import { KAFKA_TIMESTAMP_COLUMN } from './timestamp/candidates';
import { caseDirs, mismatches, readExpected, readMessages, recordsNear } from './testing/cases';
import path from 'node:path';

const NOW = Date.UTC(2026, 10, 21, 6, 0, 0);

describe('testdata/samples', () => {
  for (const dir of caseDirs('testdata/samples')) {
    it(`infers ${path.basename(dir)} as expected`, async () => {
      const expected = readExpected(dir);
      const messages = readMessages(dir);
      const input = expected.timestampColumn === KAFKA_TIMESTAMP_COLUMN ? { records: recordsNear(NOW, messages) } : { lines: messages };
      const result = await inferSchema(input, { now: NOW });
      expect(mismatches(result, expected)).toEqual([]);
      expect(result.preview.unparseableCount).toBe(0);
      expect(result.preview.rowsParsed).toBe(messages.length);
      if (expected.timestampColumn !== KAFKA_TIMESTAMP_COLUMN) {
        // Replayed today, the same messages keep their own event time.
        const replayed = await inferSchema({ records: recordsNear(NOW, messages) }, { now: NOW });
        expect(replayed.timestamp.column).toBe(expected.timestampColumn);
      }
    });
  }
});
