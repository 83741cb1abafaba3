// Turns each way a Druid call can fail into a DruidError whose message an
// operator can act on without reading a stack trace.
import { describeErrorBody } from './error-body';
import { DruidError, type DruidService } from './errors';

/** Where a call went; every error names it. */
export interface CallSite {
  readonly service: DruidService;
  /** Origin of the service actually called, e.g. http://overlord:8090. */
  readonly url: string;
  readonly method: string;
  readonly path: string;
  /** Druid user Tributary authenticates as, if any. */
  readonly username?: string;
}

function who(site: CallSite): string {
  return `Druid's ${site.service} at ${site.url}`;
}

function base(site: CallSite) {
  return { service: site.service, url: site.url, method: site.method, path: site.path };
}

/** Whole seconds where they are whole, tenths below: "15 s", "0.2 s". */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(1))} s`;
}

export function errorFromStatus(
  site: CallSite,
  status: number,
  text: string,
  contentType: string | null,
  notFoundMessage?: string,
): DruidError {
  const body = describeErrorBody(text, contentType);
  const fromDruid = {
    ...base(site),
    status,
    druidCode: body.druidCode,
    errorClass: body.errorClass,
    category: body.category,
    context: body.context,
    druidMessage: body.fullMessage ?? body.message,
  };
  const said = body.message ? `: ${body.message}` : '';
  if (status === 401) {
    const message = site.username
      ? `${who(site)} rejected the credentials of Druid user "${site.username}" (HTTP 401)`
      : `${who(site)} requires a login (HTTP 401), and Tributary has no Druid user configured`;
    return new DruidError({ ...fromDruid, kind: 'auth', message });
  }
  if (status === 403) {
    const subject = site.username ? `Druid user "${site.username}" is` : 'Tributary is';
    const message = `${subject} not allowed to ${site.method} ${site.path} on the ${site.service} (HTTP 403)${said}`;
    return new DruidError({ ...fromDruid, kind: 'auth', message });
  }
  if (status === 404) {
    // An HTML 404 comes from the web server, not the API: the path itself is unknown
    // (an older Druid, or a proxy), so blaming a missing supervisor would mislead.
    const known = notFoundMessage && body.format !== 'html';
    const message = known ? notFoundMessage : `${who(site)} has nothing at ${site.path} (HTTP 404)${said}`;
    return new DruidError({ ...fromDruid, kind: 'not-found', message });
  }
  return new DruidError({ ...fromDruid, kind: 'http', message: httpMessage(site, status, body) + behindRouter(site, status, body.format) });
}

/**
 * A Router answers 502/504 itself when the process behind it is down or slow (and 503 when it
 * knows of none): say which process that is, since the Router's own words do not.
 */
function behindRouter(site: CallSite, status: number, format: ReturnType<typeof describeErrorBody>['format']): string {
  if (site.service !== 'Router' || ![502, 503, 504].includes(status) || format.startsWith('druid-')) return '';
  const target = site.path.startsWith('/druid/v2') ? 'Broker' : site.path.startsWith('/druid/indexer') ? 'Overlord' : 'Coordinator';
  return `. The Router could not get an answer from a Druid ${target}: check that one is running and reachable from the Router.`;
}

function httpMessage(site: CallSite, status: number, body: ReturnType<typeof describeErrorBody>): string {
  switch (body.format) {
    case 'druid-exception':
    case 'druid-query-error':
    case 'druid-simple':
      return body.message ?? `${who(site)} answered HTTP ${status}`;
    case 'servlet':
      return `${who(site)} failed on ${site.method} ${site.path} (HTTP ${status}): ${body.message}`;
    case 'html':
      return `${who(site)} answered HTTP ${status} with an error page: "${body.message}"`;
    case 'text':
      return `${who(site)} answered HTTP ${status}: ${body.message}`;
    case 'empty':
      return `${who(site)} answered HTTP ${status} to ${site.method} ${site.path} with no explanation`;
  }
}

const TLS_TRUST_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

/** Node puts the system error under `cause` (undici wraps it in "fetch failed"), sometimes twice. */
function systemError(error: unknown): { code?: string; message: string; hostname?: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR') {
      return { code, message: current.message, hostname: (current as { hostname?: string }).hostname };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return { message: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
}

/** A call that threw before any HTTP status arrived. */
export function errorFromFailure(site: CallSite, error: unknown): DruidError {
  const { code, message, hostname } = systemError(error);
  const at = who(site);
  const unreachable = (text: string) => new DruidError({ ...base(site), kind: 'unreachable', message: text, cause: error });
  const tls = (text: string) => new DruidError({ ...base(site), kind: 'tls', message: text, cause: error });
  switch (code) {
    case 'ECONNREFUSED':
      return unreachable(`${at} refused the connection`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return unreachable(`${at} could not be found: the host name ${hostname ?? new URL(site.url).hostname} does not resolve`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return unreachable(`${at} closed the connection before answering`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return unreachable(`${at} is unreachable from Tributary (no route to host)`);
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return unreachable(`${at} did not accept a connection`);
    case 'CERT_HAS_EXPIRED':
      return tls(`${at} presented an expired TLS certificate`);
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return tls(`${at} presented a TLS certificate for another host name: ${message}`);
  }
  if (code && TLS_TRUST_CODES.has(code)) {
    return tls(`${at} presented a TLS certificate Tributary does not trust (${code}); configure Druid's CA certificate file`);
  }
  if (code && (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code === 'EPROTO')) {
    return tls(`The TLS handshake with ${at} failed (${code}): is that port serving HTTPS?`);
  }
  return unreachable(`Could not reach ${at}: ${code ? `${code} ` : ''}${message}`.trim());
}

export function timeoutError(site: CallSite, timeoutMs: number): DruidError {
  return new DruidError({ ...base(site), kind: 'timeout', message: `${who(site)} did not answer within ${formatSeconds(timeoutMs)}` });
}

export function cancelledError(site: CallSite): DruidError {
  return new DruidError({ ...base(site), kind: 'cancelled', message: `The call to ${who(site)} (${site.method} ${site.path}) was cancelled` });
}

export function invalidResponseError(site: CallSite, status: number, problem: string, cause?: unknown): DruidError {
  return new DruidError({
    ...base(site),
    kind: 'invalid-response',
    status,
    message: `${who(site)} answered ${site.method} ${site.path} with ${problem}`,
    cause,
  });
}
