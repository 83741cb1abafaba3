// Column types as Druid will store them: long, double, string, json (nested column) and
// arrays. Numeric strings that are quantities become numbers; identifiers and codes with
// leading zeros stay strings; integers beyond 2^53 stay exact (bigint) and are longs.
import type { ColumnType } from './model';

export interface ValueProfile {
  readonly nonNull: number;
  readonly distinct: number;
  readonly numbers: number;
  readonly integers: number;
  readonly numericStrings: number;
  readonly decimalStrings: number;
  readonly leadingZeroStrings: number;
  readonly otherStrings: number;
  readonly booleans: number;
  readonly objects: number;
  readonly arrays: number;
  readonly arrayElementKinds: ReadonlySet<'long' | 'double' | 'string' | 'object'>;
  readonly min: number | null;
  readonly max: number | null;
  readonly meanLength: number;
}

export interface TypeChoice {
  readonly type: ColumnType;
  readonly why: string;
}

const INTEGER_TEXT = /^-?\d+$/;
const DECIMAL_TEXT = /^-?(\d+\.\d*|\.\d+|\d+(\.\d+)?[eE][+-]?\d+)$/;
/** Names of fields that hold identifiers or codes even when every value is digits. */
const IDENTIFIER_NAME = /(^|_|\b)(id|ids|uuid|guid|key|code|zip|zipcode|postal|postcode|phone|msisdn|imsi|imei|sku|ean|upc|isbn|iban|account|acct|ssn|inn|pin|version)$|Id$|ID$|Code$/;
const DISTINCT_LIMIT = 10_000;

/** One pass over a column's values. */
export function profileValues(values: readonly unknown[]): ValueProfile {
  let nonNull = 0, numbers = 0, integers = 0, numericStrings = 0, decimalStrings = 0, leadingZeroStrings = 0;
  let otherStrings = 0, booleans = 0, objects = 0, arrays = 0, lengthSum = 0;
  let min = Infinity, max = -Infinity;
  const elementKinds = new Set<'long' | 'double' | 'string' | 'object'>();
  const seen = new Set<unknown>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === undefined || value === null || value === '') continue;
    nonNull++;
    if (seen.size < DISTINCT_LIMIT) seen.add(typeof value === 'object' ? JSON.stringify(value, bigintReplacer) : value);
    switch (typeof value) {
      case 'number':
        numbers++;
        if (Number.isInteger(value)) integers++;
        if (value < min) min = value;
        if (value > max) max = value;
        break;
      case 'bigint':
        numbers++;
        integers++;
        break;
      case 'boolean':
        booleans++;
        break;
      case 'string': {
        lengthSum += value.length;
        const first = value.charCodeAt(0);
        // Text that cannot start a number skips the numeric tests.
        if (!((first >= 48 && first <= 57) || first === 45 || first === 46)) {
          otherStrings++;
        } else if (INTEGER_TEXT.test(value)) {
          numericStrings++;
          if (/^-?0\d/.test(value)) leadingZeroStrings++;
          const n = Number(value);
          if (n < min) min = n;
          if (n > max) max = n;
        } else if (DECIMAL_TEXT.test(value)) {
          decimalStrings++;
          const n = Number(value);
          if (n < min) min = n;
          if (n > max) max = n;
        } else {
          otherStrings++;
        }
        break;
      }
      default:
        if (Array.isArray(value)) {
          arrays++;
          for (const element of value) elementKinds.add(elementKind(element));
        } else {
          objects++;
        }
    }
  }
  return {
    nonNull, distinct: seen.size, numbers, integers, numericStrings, decimalStrings, leadingZeroStrings,
    otherStrings, booleans, objects, arrays, arrayElementKinds: elementKinds,
    min: min === Infinity ? null : min, max: max === -Infinity ? null : max,
    meanLength: nonNull ? lengthSum / nonNull : 0,
  };
}

export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function elementKind(element: unknown): 'long' | 'double' | 'string' | 'object' {
  if (typeof element === 'bigint') return 'long';
  if (typeof element === 'number') return Number.isInteger(element) ? 'long' : 'double';
  if (element !== null && typeof element === 'object') return 'object';
  return 'string';
}

export function looksLikeIdentifier(name: string): boolean {
  return IDENTIFIER_NAME.test(name) || IDENTIFIER_NAME.test(name.toLowerCase());
}

/** A few stray values of another kind do not decide the type; Druid stores them as null. */
const STRAY_SHARE = 0.05;

/** Chooses a Druid type from a column's profile; `why` is what the UI shows. */
export function chooseType(name: string, p: ValueProfile): TypeChoice {
  const structured = p.objects + p.arrays;
  if (structured > 0 && structured <= p.nonNull * STRAY_SHARE) {
    const rest = chooseType(name, { ...p, objects: 0, arrays: 0, nonNull: p.nonNull - structured });
    return { type: rest.type, why: `${rest.why}; ${structured} nested value(s) do not fit and would be stored as null` };
  }
  const numeric = p.numbers + p.numericStrings + p.decimalStrings;
  if (p.otherStrings > 0 && p.otherStrings <= p.nonNull * STRAY_SHARE && numeric > 0 && p.booleans === 0 && structured === 0) {
    const rest = chooseType(name, { ...p, otherStrings: 0, nonNull: p.nonNull - p.otherStrings });
    if (rest.type === 'long' || rest.type === 'double') {
      return { type: rest.type, why: `${rest.why}; ${p.otherStrings} non-numeric value(s) would be stored as null` };
    }
  }
  if (p.nonNull === 0) return { type: 'string', why: 'no values in the sample: kept as string' };
  if (p.objects > 0) return { type: 'json', why: 'nested objects: kept as a json (nested) column' };
  if (p.arrays > 0) {
    if (p.arrayElementKinds.has('object')) return { type: 'json', why: 'arrays of objects: kept as a json column' };
    if (p.arrays + p.otherStrings + p.numericStrings + p.decimalStrings + p.numbers === p.nonNull) {
      const kinds = p.arrayElementKinds;
      if (p.arrays === p.nonNull && kinds.size > 0 && [...kinds].every((k) => k === 'long')) {
        return { type: 'array<long>', why: 'arrays of integers' };
      }
      if (p.arrays === p.nonNull && kinds.size > 0 && [...kinds].every((k) => k === 'long' || k === 'double')) {
        return { type: 'array<double>', why: 'arrays of numbers' };
      }
      return { type: 'array<string>', why: 'arrays of scalars: stored as a string array' };
    }
    return { type: 'json', why: 'arrays mixed with other values: kept as a json column' };
  }
  if (p.booleans > 0) {
    return { type: 'string', why: p.booleans === p.nonNull ? 'booleans: Druid stores them as "true"/"false" strings' : 'booleans mixed with other values: string' };
  }
  if (p.otherStrings > 0) return { type: 'string', why: 'text values' };
  const numericText = p.numericStrings + p.decimalStrings;
  if (numericText > 0 && p.leadingZeroStrings > 0) {
    return { type: 'string', why: `${p.leadingZeroStrings} value(s) with leading zeros: an identifier or code, kept as string` };
  }
  if (numericText > 0 && looksLikeIdentifier(name)) {
    return { type: 'string', why: 'digits in a field named like an identifier: kept as string' };
  }
  const asText = numericText > 0 ? ' (sent as strings)' : '';
  if (p.decimalStrings > 0 || p.numbers > p.integers) return { type: 'double', why: `decimal numbers${asText}` };
  return { type: 'long', why: `integers${asText}` };
}
