// JSON values decoded the way Druid reads them, except that integers beyond 2^53 stay exact:
// JSON.parse would round them, so values carrying long digit runs take a lossless path.
import { isSafeNumber, parse as parseLossless } from 'lossless-json';

export type DecodeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const INTEGER_TEXT = /^-?\d+$/;
const LONG_DIGIT_RUN = /\d{16}/;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

function parseNumberLosslessly(text: string): number | bigint | string {
  if (INTEGER_TEXT.test(text) && !isSafeNumber(text)) {
    const big = BigInt(text);
    // Druid longs are 64-bit; anything wider can only stay exact as text.
    return big > INT64_MAX || big < INT64_MIN ? text : big;
  }
  return Number(text);
}

/** Druid's JSON parser (Jackson) refuses documents nested deeper than 1000 levels. */
export const MAX_NESTING_DEPTH = 1000;

/** Deepest bracket nesting outside strings; only texts long enough to exceed the limit are scanned. */
function nestingDepth(text: string): number {
  if (text.length <= MAX_NESTING_DEPTH * 2 || countOpenings(text) <= MAX_NESTING_DEPTH) return 0;
  let depth = 0, deepest = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/** Brackets in the text: an upper bound on its depth, found with native searches. */
function countOpenings(text: string): number {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let i = text.indexOf(bracket); i >= 0 && count <= MAX_NESTING_DEPTH; i = text.indexOf(bracket, i + 1)) count++;
  }
  return count;
}

/** Parses any JSON text; integers beyond 2^53 come back as bigint. */
export function parseJson(text: string): DecodeResult<unknown> {
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING_DEPTH) return { ok: false, reason: `invalid JSON: nested ${depth} levels deep, over the ${MAX_NESTING_DEPTH}-level limit` };
  try {
    // Only text with 16 digits in a row can hold an integer beyond 2^53; those rare messages
    // take the lossless (slower) parser.
    if (!LONG_DIGIT_RUN.test(text)) return { ok: true, value: JSON.parse(text) };
    return { ok: true, value: parseLossless(text, undefined, parseNumberLosslessly) };
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${describeJsonError(error, text)}` };
  }
}

function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (text.trim() === '') return 'the value is empty';
  return message.length > 160 ? `${message.slice(0, 160)}…` : message;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a message that must be one JSON object, as Druid's json input format expects. */
export function parseJsonObject(text: string): DecodeResult<Record<string, unknown>> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  if (!isPlainObject(parsed.value)) {
    const kind = Array.isArray(parsed.value) ? 'an array' : parsed.value === null ? 'null' : `a ${typeof parsed.value}`;
    return { ok: false, reason: `the value is ${kind}, not a JSON object` };
  }
  return { ok: true, value: parsed.value };
}

/** Cheap shape test used to vote on the format before parsing everything. */
export function looksLikeJsonObject(text: string): boolean {
  const trimmed = text.trimStart();
  return trimmed.startsWith('{');
}
