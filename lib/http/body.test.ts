import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { checkJsonDepth, readJsonBody } from './body';

const MB = 1024 * 1024;

/** A body that arrives in pieces, without Content-Length, as a chunked upload does; counts what was pulled. */
function chunked(pieces: number, pieceBytes: number) {
  let pulled = 0;
  const piece = new TextEncoder().encode('"' + 'x'.repeat(pieceBytes - 2) + '"');
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === pieces) return controller.close();
      pulled++;
      controller.enqueue(piece);
    },
  });
  const request = new Request('http://app.test/api/thing', { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/json' } } as RequestInit);
  return { request, pulled: () => pulled };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: ApiError) => error,
  );

describe('readJsonBody', () => {
  it('parses a body within the limit as JSON.parse does, and an empty one as {}', async () => {
    const post = (body: string) => new Request('http://app.test/', { method: 'POST', body });
    expect(await readJsonBody(post('{"topic":"orders","n":1.5}'))).toEqual({ topic: 'orders', n: 1.5 });
    expect(await readJsonBody(post('  '))).toEqual({});
    const error = await failure(readJsonBody(post('{topic:')));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^The request body is not valid JSON: /);
  });

  it('answers 413 naming the limit when Content-Length announces more, without reading the body', async () => {
    const { request, pulled } = chunked(100, 64 * 1024);
    request.headers.set('content-length', String(12 * MB));
    const error = await failure(readJsonBody(request, 10 * MB));
    expect(error.status).toBe(413);
    expect(error.message).toBe("The request body is larger than Tributary's limit of 10 MB (TRIBUTARY_MAX_BODY_MB).");
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    // 12 MB in 64 KB pieces, no Content-Length: reading stops after 10 MB and a piece.
    const { request, pulled } = chunked(192, 64 * 1024);
    const error = await failure(readJsonBody(request, 10 * MB));
    expect(error.status).toBe(413);
    expect(error.code).toBe('too_large');
    expect(pulled()).toBeLessThan(165);
  });

  it('counts bytes, not characters: multi-byte text counts at its encoded size', async () => {
    const text = JSON.stringify('é'.repeat(600));
    const request = new Request('http://app.test/', { method: 'POST', body: text });
    expect((await failure(readJsonBody(request, 1000))).status).toBe(413);
    expect(await readJsonBody(new Request('http://app.test/', { method: 'POST', body: text }), 2000)).toBe('é'.repeat(600));
  });

  it('answers 400 for a 100,000-deep body, naming where it got too deep, before parsing it', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const error = await failure(readJsonBody(new Request('http://app.test/', { method: 'POST', body: deep })));
    expect(error.status).toBe(400);
    expect(error.code).toBe('too_deep');
    expect(error.message).toMatch(/^The request body nests deeper than 64 levels at body(\[0\]){64} \(character 64\); Tributary accepts at most 64\.$/);
  });
});

describe('checkJsonDepth', () => {
  const nested = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

  it('accepts 64 levels and refuses 65', () => {
    expect(() => checkJsonDepth(nested(64), 64)).not.toThrow();
    expect(() => checkJsonDepth(nested(65), 64)).toThrow(ApiError);
  });

  it('names keys and indexes on the way down, quoting keys that are not plain names', () => {
    const text = '{"spec": {"dataSchema": [1, {"odd key": [[[[]]]]}]}, "x": 1}';
    try {
      checkJsonDepth(text, 5);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as ApiError).details).toEqual({ path: 'body.spec.dataSchema[1]["odd key"][0]', position: text.indexOf('[[[[') + 1, maxDepth: 5 });
    }
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(() => checkJsonDepth(JSON.stringify({ sql: '[[[[{{{{ "\\" [[[[' }), 2)).not.toThrow();
  });
});
