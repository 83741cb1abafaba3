import { describe, expect, it } from 'vitest';
import { internColumn, RollupGroups } from './rollup-groups';

describe('RollupGroups', () => {
  it('groups by bucket and stored values, telling types apart', () => {
    const columns = [internColumn(['x', 'x', 'x', 'x'], 'string'), internColumn(['1', 1, 2, 1], 'long'), internColumn([{ k: 1 }, { k: 1 }, { k: 1 }, { k: 1 }], 'json')];
    const groups = new RollupGroups(columns, 1);
    const a = groups.find(0, 0);
    const b = groups.find(0, 1);
    const c = groups.find(0, 2);
    const d = groups.find(60_000, 3);
    expect(a.created).toBe(true);
    expect(b).toEqual({ group: a.group, created: false });
    expect(c.created && d.created).toBe(true);
    expect(groups.size).toBe(3);
    expect(groups.dimensionsOf(a.group)).toEqual(['x', 1, { k: 1 }]);
  });

  it('interns a column to the ids of its stored values', () => {
    const column = internColumn(['007', '7', 'x', null], 'long');
    expect(Array.from(column.ids)).toEqual([0, 0, 1, 1]);
    expect(column.stored).toEqual([7, null]);
  });
});
