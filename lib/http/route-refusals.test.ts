// The route wrapper tells its onRefused hook (the audit trail) of every request it turns down,
// with who asked when that is known, and never of one it served or that failed otherwise.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-error';
import type { Access } from './access';
import { route, type Refusal } from './route';

const open = (readOnly = false): Access => ({ config: { mode: 'open', readOnly }, users: { find: () => undefined, count: () => 0 }, sessionSecret: () => '' });

function recorded(options: { readOnly?: boolean; fail?: unknown } = {}) {
  const refusals: Refusal[] = [];
  const handler = route(
    {
      params: z.object({ id: z.string().regex(/^[a-z]+$/, 'must be lowercase letters') }),
      body: z.object({ partitions: z.record(z.string(), z.string()) }),
      role: 'operator',
      access: () => open(options.readOnly),
      peer: () => '10.0.0.9',
      onRefused: (refusal) => void refusals.push(refusal),
    },
    async () => {
      if (options.fail) throw options.fail;
      return { ok: true };
    },
  );
  const call = (id: string, body: string) =>
    handler(new Request(`http://app.test/api/supervisors/${id}/resetOffsets`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }), { params: Promise.resolve({ id }) });
  return { refusals, call };
}

describe('route refusals', () => {
  it('reports a request refused for its input, with who sent it and from where', async () => {
    const { refusals, call } = recorded();
    const response = await call('clicks', '{"partitions":{"0":12}}');
    expect(response.status).toBe(400);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ identity: { role: 'admin', via: 'open' }, clientAddress: '10.0.0.9', info: { status: 400, code: 'invalid_input' } });
    expect(refusals[0].request.url).toBe('http://app.test/api/supervisors/clicks/resetOffsets');
    expect(refusals[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it('reports a role or read-only refusal, and one thrown by the handler itself', async () => {
    const readOnly = recorded({ readOnly: true });
    expect((await readOnly.call('clicks', '{"partitions":{}}')).status).toBe(403);
    expect(readOnly.refusals.map((r) => r.info.code)).toEqual(['read_only']);

    const fromHandler = recorded({ fail: new ApiError(400, 'invalid_spec', 'no') });
    expect((await fromHandler.call('clicks', '{"partitions":{}}')).status).toBe(400);
    expect(fromHandler.refusals[0].error).toBeInstanceOf(ApiError);
  });

  it('says nothing of requests that succeeded or failed for other reasons', async () => {
    const served = recorded();
    expect((await served.call('clicks', '{"partitions":{}}')).status).toBe(200);
    const failed = recorded({ fail: new ApiError(502, 'druid_unreachable', 'down') });
    expect((await failed.call('clicks', '{"partitions":{}}')).status).toBe(502);
    expect([...served.refusals, ...failed.refusals]).toEqual([]);
  });

  it('answers the refusal even when the hook fails', async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const handler = route({ body: z.object({ a: z.string() }), onRefused: () => Promise.reject(new Error('store down')) }, async () => ({}));
      const response = await handler(new Request('http://app.test/x', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }));
      expect(response.status).toBe(400);
    } finally {
      console.error = original;
    }
  });
});
