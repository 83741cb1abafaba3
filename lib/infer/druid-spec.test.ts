import { describe, expect, it } from 'vitest';
import { NO_SUCH_COLUMN, toDruidPieces } from './druid-spec';
import type { LoadPlan } from './model';

const plan: LoadPlan = {
  decode: { format: 'json' },
  timestamp: { column: 'ts', path: '$.ts', format: 'posix' },
  columns: [
    { name: 'ts', path: '$.ts', type: 'long', role: 'none', why: '' },
    { name: 'city', path: '$.city', type: 'string', role: 'dimension', why: '' },
    { name: 'tags', path: '$.tags', type: 'array<long>', role: 'dimension', why: '' },
    { name: 'bytes', path: '$.bytes', type: 'long', role: 'metric', aggregator: { type: 'longSum', name: 'sum_bytes', fieldName: 'bytes' }, why: '' },
  ],
  rollup: true,
  queryGranularity: 'minute',
  segmentGranularity: 'hour',
};

describe('toDruidPieces', () => {
  it('writes Druid JSON for every piece', () => {
    expect(toDruidPieces(plan)).toEqual({
      inputFormat: { type: 'json' },
      timestampSpec: { column: 'ts', format: 'posix' },
      dimensionsSpec: {
        dimensions: [
          { type: 'string', name: 'city' },
          { type: 'auto', name: 'tags', castToType: 'ARRAY<LONG>' },
        ],
      },
      metricsSpec: [
        { type: 'count', name: 'count' },
        { type: 'longSum', name: 'sum_bytes', fieldName: 'bytes' },
      ],
      granularitySpec: { type: 'uniform', segmentGranularity: 'HOUR', queryGranularity: 'MINUTE', rollup: true },
    });
  });

  it('rebuilds __time from fractional epoch seconds with an expression', () => {
    const pieces = toDruidPieces({ ...plan, timestamp: { ...plan.timestamp, fractionalSeconds: true } });
    expect(pieces.timestampSpec).toEqual({ column: NO_SUCH_COLUMN, format: 'auto', missingValue: '1970-01-01T00:00:00Z' });
    expect(pieces.transformSpec).toEqual({ transforms: [{ type: 'expression', name: '__time', expression: `cast(cast("ts", 'DOUBLE') * 1000, 'LONG')` }] });
  });

  it('writes tsv with its delimiter for other delimiters, and the regex format for logs', () => {
    const pipe = toDruidPieces({ ...plan, decode: { format: 'delimited', delimiter: '|', columnNames: ['ts', 'city'] } });
    expect(pipe.inputFormat).toEqual({ type: 'tsv', delimiter: '|', columns: ['ts', 'city'], findColumnsFromHeader: false, skipHeaderRows: 0 });
    const log = toDruidPieces({ ...plan, decode: { format: 'regex', pattern: '^(\\S+) (.*)$', columnNames: ['ts', 'city'] } });
    expect(log.inputFormat).toEqual({ type: 'regex', pattern: '^(\\S+) (.*)$', columns: ['ts', 'city'] });
  });
});
