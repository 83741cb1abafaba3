// Tributary answers only to the names it is known by. A page on another site whose name is made
// to resolve to 127.0.0.1 (DNS rebinding) reaches Tributary as "same origin" to the browser, but
// its requests still carry that site's name in the Host header: those get 421 Misdirected Request.
import { errorBody } from './api-error';

/** Loopback names, on any port: what Tributary answers to unless TRIBUTARY_HOSTS says otherwise. */
export const DEFAULT_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/**
 * Entries are `host` (any port) or `host:port`; an IPv6 address in brackets. `null` answers any
 * host (TRIBUTARY_HOSTS=*).
 */
export type AllowedHosts = readonly string[] | null;

export function splitHost(value: string): { host: string; port?: string } {
  const text = value.trim().toLowerCase();
  const bracketed = /^(\[[^\]]*\])(?::(\d+))?$/.exec(text);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] };
  const colon = text.lastIndexOf(':');
  // A bare IPv6 address has several colons and no port.
  if (colon < 0 || text.indexOf(':') !== colon) return { host: text };
  return { host: text.slice(0, colon), port: text.slice(colon + 1) };
}

export function isAllowedHost(hostHeader: string | null, allowed: AllowedHosts): boolean {
  if (allowed === null) return true;
  if (!hostHeader) return false;
  const asked = splitHost(hostHeader);
  // "example.com." names the same host as "example.com".
  const name = asked.host.replace(/\.$/, '');
  return allowed.some((entry) => {
    const want = splitHost(entry);
    return want.host.replace(/\.$/, '') === name && (want.port === undefined || want.port === asked.port);
  });
}

/** The 421 answer for a Host Tributary does not answer to, in the app's error shape. */
export function misdirectedResponse(hostHeader: string | null): Response {
  const message = hostHeader
    ? `Tributary does not answer to the host name "${hostHeader}". If this is how users reach it, add the name to TRIBUTARY_HOSTS (or set TRIBUTARY_PUBLIC_URL).`
    : 'The request has no Host header: Tributary answers only to the host names in TRIBUTARY_HOSTS.';
  return Response.json(errorBody({ code: 'misdirected', message, details: { host: hostHeader } }), { status: 421 });
}
