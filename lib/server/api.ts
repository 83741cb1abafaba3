// Route handlers' entry point: lib/http's route() with the access settings from config.
import 'server-only';
import { route, type RouteContext, type RouteOptions } from '@/lib/http';
import { getConfig } from '@/lib/config';

export function apiRoute<P = undefined, Q = undefined, B = undefined>(
  options: Omit<RouteOptions<P, Q, B>, 'access'>,
  handler: (context: RouteContext<P, Q, B>) => Promise<Response | unknown>,
) {
  return route<P, Q, B>({ ...options, access: () => getConfig().access }, handler);
}
