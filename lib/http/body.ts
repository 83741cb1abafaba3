// Reading a JSON request body within bounds: the bytes are counted as they arrive and reading
// stops past the limit, whether or not Content-Length was sent; nesting past a depth limit is
// refused from a scan of the text, before JSON.parse builds anything that deep.
import { ApiError } from './api-error';

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Deeper than any spec or query Tributary takes (a supervisor spec is about 8 levels). */
export const MAX_JSON_DEPTH = 64;

const MB = 1024 * 1024;

export function tooLarge(maxBytes: number): ApiError {
  const size = maxBytes % MB === 0 ? `${maxBytes / MB} MB` : `${maxBytes.toLocaleString('en-US')} bytes`;
  return new ApiError(413, 'too_large', `The request body is larger than Tributary's limit of ${size} (TRIBUTARY_MAX_BODY_MB).`, { limitBytes: maxBytes });
}

/** The body as text, or a 413 as soon as more than `maxBytes` have arrived (or are announced). */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** Reads and parses a JSON body; an empty body is `{}`. */
export async function readJsonBody(request: Request, maxBytes: number = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  if (text.trim() === '') return {};
  checkJsonDepth(text, MAX_JSON_DEPTH);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

interface Frame {
  readonly array: boolean;
  /** Array: the element's index. Object: where the current key's string starts and ends. */
  index: number;
  keyStart: number;
  keyEnd: number;
  expectKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Throws a 400 naming the path where `text` nests deeper than `maxDepth` arrays and objects.
 * A single pass that skips strings; it does not validate the JSON (JSON.parse does that after).
 */
export function checkJsonDepth(text: string, maxDepth: number): void {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
      const top = stack.at(-1);
      if (top && !top.array && top.expectKey) {
        top.keyStart = start;
        top.keyEnd = i + 1;
        top.expectKey = false;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) {
        const path = pathOf(text, stack);
        throw new ApiError(
          400,
          'too_deep',
          `The request body nests deeper than ${maxDepth} levels at ${path} (character ${i}); Tributary accepts at most ${maxDepth}.`,
          { path, position: i, maxDepth },
        );
      }
      stack.push({ array: c === 0x5b, index: 0, keyStart: -1, keyEnd: -1, expectKey: c === 0x7b });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top?.array) top.index++;
      else if (top) top.expectKey = true;
    }
  }
}

function pathOf(text: string, stack: readonly Frame[]): string {
  let path = 'body';
  for (const frame of stack) {
    if (frame.array) {
      path += `[${frame.index}]`;
      continue;
    }
    const key = keyOf(text.slice(frame.keyStart, frame.keyEnd));
    path += /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  }
  return path;
}

function keyOf(literal: string): string {
  try {
    return String(JSON.parse(literal));
  } catch {
    return literal.replace(/^"|"$/g, '');
  }
}
