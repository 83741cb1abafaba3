// POST /api/session — sign in with a user name and password (TRIBUTARY_AUTH=users): a session cookie.
// DELETE /api/session — sign out: the cookie is cleared.
import { clearedSessionCookie, requestIsHttps, sessionCookie, signIn } from '@/lib/http';
import { MeSchema, SignInRequestSchema, type Me } from '@/lib/http/me';
import { apiRoute } from '@/lib/server/api';
import { accessFor } from '@/lib/server/access';
import { peerAddress } from '@/lib/server/peer-address';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

export const POST = apiRoute({ summary: 'Sign in with a user name and password (TRIBUTARY_AUTH=users): a session cookie', role: 'anyone', body: SignInRequestSchema, response: MeSchema }, async ({ body, request }) => {
  const access = accessFor(getConfig().access);
  const session = await signIn(request, access, peerAddress(request), body.user, body.password);
  const me: Me = { mode: access.config.mode, user: session.identity.user, role: session.identity.role, via: 'session', readOnly: access.config.readOnly };
  return Response.json(me, { headers: { 'set-cookie': sessionCookie(session.token, session.expiresAt, requestIsHttps(request)), 'cache-control': 'no-store' } });
});

export const DELETE = apiRoute({ summary: 'Sign out: the session cookie is cleared', role: 'anyone', response: { status: 204 } }, async ({ request }) =>
  new Response(null, { status: 204, headers: { 'set-cookie': clearedSessionCookie(requestIsHttps(request)), 'cache-control': 'no-store' } }),
);
