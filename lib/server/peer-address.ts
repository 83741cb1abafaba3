// The address that connected to Tributary, for trusting a sign-in proxy and for the audit trail.
// Next's server puts the socket's address in X-Forwarded-For only when the request has no such
// header (`??=` in next/dist/server/base-server.js), so a client that sends its own
// X-Forwarded-For decides what a route handler reads there. Node's http server announces each
// request on the 'http.server.request.start' diagnostics channel before Next sees it: there the
// socket's address is written into a header of our own, with a per-process token a client cannot
// know, so a header sent by the client (or a request that arrived before the hook was installed)
// is never mistaken for it.
// No 'server-only' here: instrumentation-node.ts installs the hook outside React's server bundle.
import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

const PEER_HEADER = 'x-tributary-peer';
const TOKEN_KEY = Symbol.for('tributary.peer-address-token');

type WithToken = typeof globalThis & { [TOKEN_KEY]?: string };

/** Installs the hook once per process; later calls do nothing. */
export function installPeerAddressHook(): void {
  const global = globalThis as WithToken;
  if (global[TOKEN_KEY]) return;
  const token = randomBytes(18).toString('base64url');
  global[TOKEN_KEY] = token;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = `${token} ${socket.remoteAddress ?? ''}`;
  });
}

/** The connecting address of a request that passed through the hook; null when unknown. */
export function peerAddress(request: Request): string | null {
  const token = (globalThis as WithToken)[TOKEN_KEY];
  const value = request.headers.get(PEER_HEADER);
  if (!token || !value) return null;
  const space = value.indexOf(' ');
  if (space < 0 || value.slice(0, space) !== token) return null;
  return value.slice(space + 1) || null;
}
