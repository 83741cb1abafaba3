// What the route wrapper refuses before a handler runs: other sites' pages, bodies that are not
// JSON, too large or too deep.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { route } from './route';

const MB = 1024 * 1024;

describe('route: only our own pages, bounded work', () => {
  let ran = 0;
  const terminate = route({ body: z.unknown(), role: 'admin', http: () => ({ maxBodyBytes: 10 * MB }) }, async () => {
    ran++;
    return { terminated: true };
  });
  const post = (body: BodyInit, headers: Record<string, string>) => terminate(new Request('http://127.0.0.1:3000/api/supervisors/wiki/terminate', { method: 'POST', body, headers: { host: '127.0.0.1:3000', ...headers } }));

  it("refuses another site's no-cors POST before the handler runs", async () => {
    ran = 0;
    const response = await post('{}', { 'content-type': 'text/plain;charset=UTF-8', 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('cross_site');
    expect(ran).toBe(0);
  });

  it('answers 415 to a script that posts text/plain, naming what it sent', async () => {
    const response = await post('{}', { 'content-type': 'text/plain;charset=UTF-8' });
    expect(response.status).toBe(415);
    expect((await response.json()).error.message).toContain('this request sent text/plain;charset=UTF-8');
  });

  it('answers 413 to a 12 MB body, naming the limit, and 400 to a 100,000-deep one', async () => {
    const big = await post(JSON.stringify({ spec: 'x'.repeat(12 * MB) }), { 'content-type': 'application/json' });
    expect(big.status).toBe(413);
    expect((await big.json()).error.message).toBe("The request body is larger than Tributary's limit of 10 MB (TRIBUTARY_MAX_BODY_MB).");
    const deep = await post('['.repeat(100_000) + ']'.repeat(100_000), { 'content-type': 'application/json' });
    expect(deep.status).toBe(400);
    expect((await deep.json()).error.code).toBe('too_deep');
  });

  it("runs Tributary's own page's request", async () => {
    ran = 0;
    const response = await post('{}', { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:3000' });
    expect(response.status).toBe(200);
    expect(ran).toBe(1);
  });
});
