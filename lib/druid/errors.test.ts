import { describe, expect, it } from 'vitest';
import { DruidError, toApiError, type DruidErrorInit } from './errors';

const at = { service: 'Broker', url: 'http://broker:8082', method: 'POST', path: '/druid/v2/sql' } as const;
const error = (init: Partial<DruidErrorInit> & Pick<DruidErrorInit, 'kind'>) => new DruidError({ ...at, message: 'm', ...init });

describe('toApiError', () => {
  it('answers 502 when Druid is unreachable and 504 when it is slow', () => {
    expect(toApiError(error({ kind: 'unreachable' }))).toMatchObject({ status: 502, body: { error: { code: 'druid_unreachable' } } });
    expect(toApiError(error({ kind: 'timeout' }))).toMatchObject({ status: 504, body: { error: { code: 'druid_timeout' } } });
    expect(toApiError(error({ kind: 'tls' })).status).toBe(502);
    expect(toApiError(error({ kind: 'invalid-response', status: 200 })).status).toBe(502);
  });

  it("passes Druid's own 4xx through, with its code and where it came from", () => {
    const api = toApiError(error({ kind: 'http', status: 400, druidCode: 'SQL parse failed', message: 'SQL parse failed: x' }));
    expect(api).toEqual({
      status: 400,
      body: {
        error: {
          code: 'druid_invalid_input',
          message: 'SQL parse failed: x',
          details: { ...at, druidStatus: 400, druidCode: 'SQL parse failed' },
        },
      },
    });
    expect(toApiError(error({ kind: 'http', status: 429 })).status).toBe(429);
    expect(toApiError(error({ kind: 'not-found', status: 404 })).status).toBe(404);
  });

  it("turns Druid's 5xx into 502, except its query timeout", () => {
    expect(toApiError(error({ kind: 'http', status: 500 })).status).toBe(502);
    expect(toApiError(error({ kind: 'http', status: 504 })).status).toBe(504);
  });

  it('does not pass a 401 on: it is the server configuration at fault, not the browser', () => {
    expect(toApiError(error({ kind: 'auth', status: 401 }))).toMatchObject({ status: 502, body: { error: { code: 'druid_auth' } } });
    expect(toApiError(error({ kind: 'auth', status: 403 }))).toMatchObject({ status: 403, body: { error: { code: 'druid_forbidden' } } });
  });
});

describe('DruidError.toApiError', () => {
  it('describes itself in the shape the app routes answer with', () => {
    const error = new DruidError({
      kind: 'unreachable',
      service: 'Overlord',
      url: 'http://overlord:8090',
      method: 'GET',
      path: '/druid/indexer/v1/supervisor',
      message: "Druid's Overlord at http://overlord:8090 refused the connection",
    });
    expect(error.toApiError()).toMatchObject({
      status: 502,
      code: 'druid_unreachable',
      message: "Druid's Overlord at http://overlord:8090 refused the connection",
      details: { service: 'Overlord', path: '/druid/indexer/v1/supervisor' },
    });
  });
});
