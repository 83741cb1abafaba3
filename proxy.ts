// Browser pages ask for Tributary's own credentials when TRIBUTARY_BASIC_AUTH is set.
// API routes check the same settings in lib/http's route wrapper.
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { hasCredentials } from '@/lib/http';

export function proxy(request: NextRequest) {
  const { basicAuth } = getConfig().access;
  if (!basicAuth || hasCredentials(request.headers.get('authorization'), basicAuth)) return NextResponse.next();
  return new NextResponse('Sign in to Tributary.', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="Tributary", charset="UTF-8"' } });
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
