// Druid writes Java longs as bare JSON numbers. Kafka offsets and lags can pass
// 2^53, where JSON.parse silently rounds them, so every Druid body goes through a
// lossless parser that keeps integers beyond Number.MAX_SAFE_INTEGER exact.
import { isInteger, isSafeNumber, parse, stringify } from 'lossless-json';

export interface ParseDruidJsonOptions {
  /**
   * How integers beyond 2^53 come back: as bigint (exact, for arithmetic) or as
   * their decimal string (exact and JSON-serializable, for handing to the UI).
   */
  readonly bigIntegers?: 'bigint' | 'string';
}

/**
 * Parses JSON text; throws SyntaxError with lossless-json's position on bad input.
 *
 * A key written twice keeps its last value, as Jackson reads it: Druid itself writes some
 * objects that way, e.g. the NoopSupervisorSpec that marks a terminated supervisor in its
 * spec history carries its type id and its own "type" property (`"type":"NoopSupervisorSpec",
 * ..., "type":"noop"`).
 */
export function parseDruidJson(text: string, options: ParseDruidJsonOptions = {}): unknown {
  // Fast path: without a run of 16 digits no integer can pass 2^53 (16 digits), and JSON.parse
  // keeps the last of repeated keys too — so the result is the same, some 10x sooner (SQL rows).
  if (!LONG_DIGIT_RUN.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // Bad JSON: the lossless parser below says where, in its own words.
    }
  }
  const asString = options.bigIntegers === 'string';
  return parse(text, null, {
    parseNumber: (value: string) => {
      if (isSafeNumber(value)) return Number(value);
      if (isInteger(value)) return asString ? value : BigInt(value);
      // A double with more digits than a double holds: Druid computed it as a double, so a double it stays.
      return Number(value);
    },
    onDuplicateKey: ({ newValue }) => newValue,
  });
}

const LONG_DIGIT_RUN = /\d{16}/;

/** Serializes to JSON, writing bigint values as exact bare numbers (e.g. offsets in resetOffsets). */
export function stringifyDruidJson(value: unknown): string {
  return stringify(value) ?? 'null';
}

/** Replaces every bigint in a parsed value by its decimal string, so the result survives JSON.stringify. */
export function bigintsToStrings(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(bigintsToStrings);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = bigintsToStrings(item);
    return out;
  }
  return value;
}
