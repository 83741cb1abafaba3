import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-error';
import { route } from './route';

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://app.test/api/thing?limit=5', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('route', () => {
  const handler = route(
    {
      params: z.object({ id: z.string().regex(/^[a-z-]+$/, 'must be lowercase letters and dashes') }),
      query: z.object({ limit: z.coerce.number().int().max(10) }),
      body: z.object({ topic: z.string().min(1) }),
    },
    async ({ params, query, body }) => ({ id: params.id, limit: query.limit, topic: body.topic }),
  );

  it('hands the handler parsed params, query and body', async () => {
    const response = await handler(post('{"topic":"orders"}'), { params: Promise.resolve({ id: 'abc' }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'abc', limit: 5, topic: 'orders' });
  });

  it('says which input was wrong and where', async () => {
    const response = await handler(post('{"topic":""}'), { params: Promise.resolve({ id: 'ABC' }) });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('path.id: must be lowercase letters and dashes');
    expect(error.details.issues[0].path).toBe('path.id');
  });

  it('rejects a body that is not JSON with the parser message', async () => {
    const response = await handler(post('{topic:'), { params: Promise.resolve({ id: 'abc' }) });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^The request body is not valid JSON/);
  });

  it('maps errors that describe themselves, and hides nothing else behind a stack trace', async () => {
    const failing = route({}, async () => {
      throw new ApiError(404, 'not_found', 'No supervisor named "x".');
    });
    const response = await failing(new Request('http://app.test/'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No supervisor named "x".' } });

    const crashing = route({}, async () => {
      throw new TypeError('boom');
    });
    const original = console.error;
    console.error = () => undefined;
    try {
      const crash = await crashing(new Request('http://app.test/'));
      expect(crash.status).toBe(500);
      expect((await crash.json()).error.message).toBe('Tributary failed unexpectedly: boom');
    } finally {
      console.error = original;
    }
  });

  it('stops work that passes its deadline', async () => {
    const slow = route({ timeoutMs: 50 }, ({ signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))));
    const response = await slow(new Request('http://app.test/'));
    expect(response.status).toBe(504);
    expect((await response.json()).error.code).toBe('timeout');
  });
});
