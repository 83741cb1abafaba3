// Route handlers' entry point: lib/http's route() with the access and HTTP settings from config.
import 'server-only';
import { route, type RouteContext, type RouteOptions } from '@/lib/http';
import { getConfig } from '@/lib/config';
import { accessFor } from './access';
import { auditRefusal } from './audit';
import { peerAddress } from './peer-address';

export function apiRoute<P = undefined, Q = undefined, B = undefined>(
  options: Omit<RouteOptions<P, Q, B>, 'access' | 'peer' | 'http'>,
  handler: (context: RouteContext<P, Q, B>) => Promise<Response | unknown>,
) {
  // Routes above viewer change things: what they turn down goes into the audit trail too.
  const onRefused = options.role !== undefined && options.role !== 'viewer' && options.role !== 'anyone' ? auditRefusal : undefined;
  return route<P, Q, B>({ ...options, access: () => accessFor(getConfig().access), peer: peerAddress, http: () => getConfig().http, onRefused }, handler);
}
