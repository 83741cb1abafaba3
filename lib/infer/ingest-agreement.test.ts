// The Druid pieces inference writes plug into a spec: driven through lib/ingest's row
// pipeline (the model of what Druid does with a spec), they yield the same rows in and out
// as inference's own preview.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRowParser, rollupRows, type RowParserOptions } from '@/lib/ingest';
import { inferSchema } from './infer';
import { caseDirs, readMessages, recordsNear } from './testing/cases';

const NOW = Date.UTC(2026, 10, 21, 6, 0, 0);

describe('agreement with lib/ingest', () => {
  const dirs = [...caseDirs('testdata/samples'), ...caseDirs('testdata/infer')];
  for (const dir of dirs) {
    it(`${path.basename(dir)}: same rows in and out`, async () => {
      const records = recordsNear(NOW, readMessages(dir));
      const result = await inferSchema({ records }, { now: NOW });
      const parse = createRowParser({
        inputFormat: result.inputFormat,
        timestampSpec: result.timestampSpec,
        dimensionsSpec: result.dimensionsSpec,
        transformSpec: result.transformSpec,
        metricsSpec: result.metricsSpec,
        granularitySpec: result.granularitySpec,
      } as unknown as RowParserOptions);
      const outcomes = records.map((r) => parse({ value: r.value, timestamp: r.timestamp, partition: r.partition, offset: r.offset }));
      const rows = outcomes.flatMap((o) => (o.kind === 'row' ? [o.row] : []));
      const rolled = result.granularitySpec.rollup
        ? rollupRows(rows, result.metricsSpec as never, result.granularitySpec.queryGranularity as never).length
        : rows.length;
      expect({ parsed: rows.length, out: rolled }).toEqual({ parsed: result.preview.rowsParsed, out: result.preview.rowsOut });
    });
  }
});
