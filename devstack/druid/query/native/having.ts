// GroupBy having specs (docs/querying/having.md), applied to result rows.

import { z } from 'zod';
import { toNumber } from '../duck';
import { invalidQuery } from '../errors';
import type { Row } from './post-aggregators';

export type Having =
  | { type: 'greaterThan' | 'lessThan' | 'equalTo'; aggregation: string; value: number }
  | { type: 'and' | 'or'; havingSpecs: Having[] }
  | { type: 'not'; havingSpec: Having }
  | { type: 'dimSelector'; dimension: string; value: string | number | null }
  | { type: 'always' | 'never' };

export const HavingSchema: z.ZodType<Having> = z.lazy(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.enum(['greaterThan', 'lessThan', 'equalTo']), aggregation: z.string(), value: z.number() }),
  z.strictObject({ type: z.enum(['and', 'or']), havingSpecs: z.array(HavingSchema) }),
  z.strictObject({ type: z.literal('not'), havingSpec: HavingSchema }),
  z.strictObject({ type: z.literal('dimSelector'), dimension: z.string(), value: z.union([z.string(), z.number(), z.null()]) }),
  z.strictObject({ type: z.enum(['always', 'never']) }),
]) as z.ZodType<Having>);

export function havingPredicate(h: Having, names: readonly string[], where = 'having'): (row: Row) => boolean {
  switch (h.type) {
    case 'greaterThan':
    case 'lessThan':
    case 'equalTo': {
      if (!names.includes(h.aggregation)) throw invalidQuery(`${where}.aggregation "${h.aggregation}" is not an aggregator or post-aggregator of this query`);
      return (row) => {
        const v = toNumber(row[h.aggregation] ?? null);
        if (v === null) return false;
        return h.type === 'greaterThan' ? v > h.value : h.type === 'lessThan' ? v < h.value : v === h.value;
      };
    }
    case 'and': {
      const parts = h.havingSpecs.map((s, i) => havingPredicate(s, names, `${where}.havingSpecs[${i}]`));
      return (row) => parts.every((p) => p(row));
    }
    case 'or': {
      const parts = h.havingSpecs.map((s, i) => havingPredicate(s, names, `${where}.havingSpecs[${i}]`));
      return (row) => parts.some((p) => p(row));
    }
    case 'not': {
      const inner = havingPredicate(h.havingSpec, names, `${where}.havingSpec`);
      return (row) => !inner(row);
    }
    case 'dimSelector':
      return (row) => (h.value === null ? row[h.dimension] === null : String(row[h.dimension]) === String(h.value));
    case 'always':
      return () => true;
    case 'never':
      return () => false;
  }
}
