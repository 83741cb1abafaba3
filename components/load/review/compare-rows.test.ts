import { describe, expect, it } from 'vitest';
import { compareRows, differingCells } from './compare-rows';

describe("comparing Druid's parse with the preview", () => {
  it('finds nothing to report when both read the same columns the same way', () => {
    const preview = [{ __time: '2026-01-31T12:00:00.000Z', user: 'ana', ms: 42 }];
    const druid = [{ __time: 1_769_860_800_000, user: 'bo', ms: 7 }];
    expect(compareRows(preview, druid)).toEqual([]);
  });

  it('names missing columns, empty columns and values read as another kind', () => {
    const preview = [
      { user: 'ana', ms: 42, city: 'Oslo', price: 1.5 },
      { user: 'bo', ms: 7, city: 'Rome', price: 2 },
    ];
    const druid = [
      { user: 'ana', ms: '42', city: null, extra: 1 },
      { user: 'bo', ms: '7', city: null, extra: 2 },
    ];
    expect(compareRows(preview, druid).map((d) => [d.column, d.difference])).toEqual([
      ['city', 'Druid finds no values where the preview does: check its path or format'],
      ['extra', 'Druid produces this column; the preview does not'],
      ['ms', 'Druid reads strings where the preview has numbers'],
      ['price', 'Druid does not produce this column'],
    ]);
  });

  it('lists differing cells row by row when both read the same messages', () => {
    const preview = [{ __time: 1, user: 'ana', tags: ['a', 'b'], city: undefined, n: 2 }];
    const druid = [{ __time: 1, user: 'ana', tags: ['a', 'b'], city: null, n: '2.0' }, { __time: 2 }];
    expect(differingCells(preview, druid)).toEqual([{ row: 0, column: 'n', preview: 2, druid: '2.0' }]);
  });
});
