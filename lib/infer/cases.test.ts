// Our own cases in testdata/infer: every kind of format, timestamp and trap, each inferred as
// its expected.json says.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferSchema } from './infer';
import { previewPlan } from './preview';
import { caseDirs, mismatches, readExpected, readMessages, recordsNear, type ExpectedCase } from './testing/cases';

const NOW = Date.UTC(2026, 10, 21, 6, 0, 0);

interface OwnCase extends ExpectedCase {
  readonly input: 'lines' | 'records';
  readonly fractionalSeconds?: boolean;
  readonly exactValues?: Readonly<Record<string, string>>;
}

describe('testdata/infer', () => {
  for (const dir of caseDirs('testdata/infer')) {
    it(`infers ${path.basename(dir)} as expected`, async () => {
      const expected = readExpected(dir) as OwnCase;
      const messages = readMessages(dir);
      const input = expected.input === 'records' ? { records: recordsNear(NOW, messages) } : { lines: messages };
      const result = await inferSchema(input, { now: NOW });
      expect(mismatches(result, expected)).toEqual([]);
      if (expected.fractionalSeconds) {
        expect(result.timestamp.fractionalSeconds).toBe(true);
        expect(result.transformSpec?.transforms).toEqual([
          { type: 'expression', name: '__time', expression: `cast(cast("${expected.timestampColumn}", 'DOUBLE') * 1000, 'LONG')` },
        ]);
        // The preview keeps the milliseconds that posix would drop.
        const raw = previewPlan(result.sample, { ...result.plan, rollup: false }, { now: NOW });
        expect(raw.rows[0].__time).toMatch(/\.(123|500)Z$/);
      }
      if (expected.input === 'lines' && expected.timestampColumn !== 'kafka.timestamp') {
        // Replayed today, the same messages keep their own event time.
        const replayed = await inferSchema({ records: recordsNear(NOW, messages) }, { now: NOW });
        expect(replayed.timestamp.column).toBe(expected.timestampColumn);
      }
      for (const [column, digits] of Object.entries(expected.exactValues ?? {})) {
        expect(result.preview.rows[0][column]).toBe(digits);
      }
    });
  }
});
