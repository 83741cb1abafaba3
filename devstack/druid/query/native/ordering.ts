// Druid's string comparators (docs/querying/sorting-orders.md), nulls first as Druid sorts them.

import { toNumber } from '../duck';
import { invalidQuery } from '../errors';
import type { JsonValue } from '../json';

export type Comparator = (a: JsonValue, b: JsonValue) => number;

const nullsFirst = (cmp: Comparator): Comparator => (a, b) => {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  return cmp(a, b);
};

const lexicographic: Comparator = nullsFirst((a, b) => {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
});

const numeric: Comparator = nullsFirst((a, b) => {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  return x - y;
});

const COMPARATORS: Record<string, Comparator> = {
  lexicographic,
  numeric,
  alphanumeric: nullsFirst((a, b) => String(a).localeCompare(String(b), 'en', { numeric: true })),
  strlen: nullsFirst((a, b) => String(a).length - String(b).length || lexicographic(a, b)),
};

export function comparator(name: string | { type: string } | undefined, where: string, fallback = 'lexicographic'): Comparator {
  const key = (typeof name === 'object' ? name.type : name ?? fallback).toLowerCase();
  const found = COMPARATORS[key === 'alphanumeric' ? 'alphanumeric' : key];
  if (!found) throw invalidQuery(`${where} "${typeof name === 'object' ? name.type : name}" is not supported by the local engine; use lexicographic, alphanumeric, strlen or numeric`);
  return found;
}

export const numericComparator = numeric;
export const lexicographicComparator = lexicographic;
