// Every request but static files passes here first. A Host Tributary is not known by gets 421
// (DNS rebinding); every answer gets the security headers, and pages a fresh CSP nonce.
// Browser pages ask for Tributary's own credentials when TRIBUTARY_BASIC_AUTH is set.
// API routes check the same settings in lib/http's route wrapper.
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { applySecurityHeaders, contentSecurityPolicy, hasCredentials, isAllowedHost, misdirectedResponse, newNonce, withPagePolicy } from '@/lib/http';

export function proxy(request: NextRequest) {
  const { access, http } = getConfig();
  const host = request.headers.get('host');
  if (!isAllowedHost(host, http.hosts)) return secured(misdirectedResponse(host));
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const { basicAuth } = access;
  if (!basicAuth || hasCredentials(request.headers.get('authorization'), basicAuth)) {
    return secured(NextResponse.next({ request: { headers: withPagePolicy(request.headers, nonce, policy) } }), policy);
  }
  return secured(new NextResponse('Sign in to Tributary.', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="Tributary", charset="UTF-8"' } }), policy);
}

function secured<R extends Response>(response: R, policy?: string): R {
  applySecurityHeaders(response.headers, policy);
  return response;
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
