import { describe, expect, it } from 'vitest';
import { buildColumns } from './columns';
import type { FieldStat } from './fields';
import { rankTimestampCandidates } from './timestamp/candidates';

const NOW = Date.UTC(2026, 10, 21, 6, 0, 0);
const n = 40;
const stat = (name: string, values: unknown[]): FieldStat => ({ name, path: `$.${name}`, values });

describe('buildColumns', () => {
  const fields = [
    stat('ts', Array.from({ length: n }, (_, i) => NOW - (n - i) * 1000)),
    stat('__time', Array.from({ length: n }, (_, i) => `batch-${i % 3}`)),
    stat('shipped_ms', Array.from({ length: n }, (_, i) => NOW - 86_400_000 * (1 + (i % 5)))),
    stat('bytes', Array.from({ length: n }, (_, i) => i * 10)),
  ];
  const candidates = rankTimestampCandidates(fields, undefined, NOW);
  const { columns, timeStat, renamedTimeColumn } = buildColumns({ fields, candidates, connectFields: new Map(), now: NOW });

  it('keeps the event time out of the dimensions, typed as it arrives', () => {
    expect(timeStat?.name).toBe('ts');
    expect(columns[0]).toMatchObject({ name: 'ts', type: 'long', role: 'none' });
    expect(columns[0].why).toMatch(/^the event time: read into __time \(epoch millis: 100% parse/);
  });

  it('renames a field named __time that is not the event time', () => {
    expect(renamedTimeColumn).toBe('__time_original');
    expect(columns[1]).toMatchObject({ name: '__time_original', path: '$.__time', role: 'dimension' });
  });

  it('keeps a second time as a dimension, never a summed metric', () => {
    expect(columns[2]).toMatchObject({ name: 'shipped_ms', role: 'dimension' });
    expect(columns[3]).toMatchObject({ name: 'bytes', role: 'metric' });
  });
});
