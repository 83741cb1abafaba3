// Test support: Druid's documented responses (testdata/druid-contract) and a comparison of
// JSON shapes, so tests can hold the engine's answers to the structure Druid documents.

import { readFileSync } from 'node:fs';
import path from 'node:path';

const CONTRACT = path.resolve(__dirname, '../../../../testdata/druid-contract');

export function contractText(file: string): string {
  return readFileSync(path.join(CONTRACT, file), 'utf8');
}

export function contractJson(file: string): unknown {
  return JSON.parse(contractText(file));
}

/** The JSON type of each value, keeping array and object structure: what "same shape" compares. */
export function shapeOf(value: unknown, keepKeys = true): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0], keepKeys)];
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shapeOf(v, keepKeys)] as const);
    return keepKeys ? Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b))) : 'object';
  }
  return typeof value;
}

/** Top-level keys of each element of a Druid result array, e.g. ["result", "timestamp"]. */
export function elementKeys(value: unknown): string[] {
  const first = (value as unknown[])[0] as Record<string, unknown>;
  return Object.keys(first).sort();
}
