// Pages in users mode: whoever is not signed in is sent to /sign-in, and comes back after.
// API routes answer 401 JSON instead (lib/http's route wrapper); the sign-in page is for everyone.
// No 'server-only' here: proxy.ts, Next's request proxy, calls it.
import { getConfig } from '@/lib/config';
import { identify } from '@/lib/http';
import { accessFor } from './access';

const OPEN_PATHS = ['/sign-in', '/api/'];

/** Where to send a page request that needs a signed-in user and has none; null to serve it. */
export async function signInRedirect(request: Request): Promise<URL | null> {
  const access = accessFor(getConfig().access);
  if (access.config.mode !== 'users') return null;
  const url = new URL(request.url);
  if (OPEN_PATHS.some((path) => url.pathname === path || url.pathname.startsWith(path.endsWith('/') ? path : `${path}/`))) return null;
  try {
    if (await identify(request, access, null)) return null;
  } catch {
    // An ended session or bad credentials: sign in again.
  }
  const signIn = new URL('/sign-in', url);
  if (url.pathname !== '/') signIn.searchParams.set('next', `${url.pathname}${url.search}`);
  return signIn;
}
