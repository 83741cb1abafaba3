// Every request but static files passes here first. A Host Tributary is not known by gets 421
// (DNS rebinding); every answer gets the security headers, and pages a fresh CSP nonce.
// Pages of an instance with users (TRIBUTARY_AUTH=users) send whoever is not signed in to /sign-in.
// API routes check access themselves, in lib/http's route wrapper, and answer 401 JSON.
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { applySecurityHeaders, contentSecurityPolicy, isAllowedHost, misdirectedResponse, newNonce, withPagePolicy } from '@/lib/http';
import { signInRedirect } from '@/lib/server/page-access';

export async function proxy(request: NextRequest) {
  const host = request.headers.get('host');
  if (!isAllowedHost(host, getConfig().http.hosts)) return secured(misdirectedResponse(host));
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const signIn = await signInRedirect(request);
  if (signIn) return secured(NextResponse.redirect(signIn), policy);
  return secured(NextResponse.next({ request: { headers: withPagePolicy(request.headers, nonce, policy) } }), policy);
}

function secured<R extends Response>(response: R, policy?: string): R {
  applySecurityHeaders(response.headers, policy);
  return response;
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
