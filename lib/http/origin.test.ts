import { describe, expect, it } from 'vitest';
import type { ApiError } from './api-error';
import { checkRequestSource } from './origin';

const request = (method: string, headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/supervisors/wiki/terminate') =>
  new Request(url, { method, headers: { host: new URL(url).host, ...headers } });
const json = { 'content-type': 'application/json' };

function refusal(req: Request, publicOrigin?: string): ApiError | undefined {
  try {
    checkRequestSource(req, { publicOrigin });
    return undefined;
  } catch (error) {
    return error as ApiError;
  }
}

describe('checkRequestSource', () => {
  it("refuses what another site's page can send without asking: a no-cors text/plain POST", () => {
    const error = refusal(request('POST', { 'content-type': 'text/plain;charset=UTF-8', 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }));
    expect(error?.status).toBe(403);
    expect(error?.code).toBe('cross_site');
    expect(error?.message).toContain('Sec-Fetch-Site: cross-site');
  });

  it('refuses a same-site page on another port or subdomain', () => {
    expect(refusal(request('POST', { ...json, 'sec-fetch-site': 'same-site' }))?.code).toBe('cross_site');
  });

  it("judges by Origin when the browser sends no Sec-Fetch-Site, and names the origin it refused", () => {
    expect(refusal(request('POST', { ...json, origin: 'http://127.0.0.1:3000' }))).toBeUndefined();
    const error = refusal(request('DELETE', { ...json, origin: 'http://attacker.test:3000' }));
    expect(error?.status).toBe(403);
    expect(error?.message).toContain('it came from http://attacker.test:3000');
    expect(refusal(request('POST', { ...json, origin: 'null' }))?.code).toBe('cross_site');
  });

  it("accepts Tributary's own pages: same-origin, typed by the user, or its origin behind a TLS proxy", () => {
    expect(refusal(request('POST', { ...json, 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:3000' }))).toBeUndefined();
    expect(refusal(request('POST', { ...json, 'sec-fetch-site': 'none' }))).toBeUndefined();
    const proxied = request('POST', { ...json, 'x-forwarded-proto': 'https', origin: 'https://tributary.example.com' }, 'http://tributary.example.com/api/query/sql');
    expect(refusal(proxied)).toBeUndefined();
    // A proxy that passes its own Host on: the public URL names the origin.
    const internal = request('POST', { ...json, origin: 'https://tributary.example.com' }, 'http://10.0.0.5:3000/api/query/sql');
    expect(refusal(internal)?.code).toBe('cross_site');
    expect(refusal(internal, 'https://tributary.example.com')).toBeUndefined();
  });

  it('lets scripts and curl act: no Origin and no Sec-Fetch-Site is not a browser acting for someone', () => {
    expect(refusal(request('POST', json))).toBeUndefined();
  });

  it('answers 415 naming what was sent when an action is not JSON', () => {
    const plain = refusal(request('POST', { 'content-type': 'text/plain;charset=UTF-8' }));
    expect(plain?.status).toBe(415);
    expect(plain?.message).toBe('Tributary takes JSON: send Content-Type: application/json (this request sent text/plain;charset=UTF-8).');
    expect(refusal(request('POST', { 'content-type': 'application/x-www-form-urlencoded' }))?.status).toBe(415);
    expect(refusal(request('DELETE', {}))?.message).toBe('Tributary takes JSON: send Content-Type: application/json (this DELETE request sent no Content-Type).');
    expect(refusal(request('POST', { 'content-type': 'Application/JSON; charset=utf-8' }))).toBeUndefined();
  });

  it('leaves reads alone', () => {
    expect(refusal(request('GET', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }))).toBeUndefined();
  });
});
