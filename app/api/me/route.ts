// GET /api/me — who the browser is signed in as, their role and how Tributary recognises people; never a secret.
import { MeSchema, type Me } from '@/lib/http/me';
import { apiRoute } from '@/lib/server/api';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ summary: 'Who you are signed in as, your role, and how this Tributary recognises people', response: MeSchema }, async ({ identity }): Promise<Me> => {
  const { mode, readOnly } = getConfig().access;
  return { mode, user: identity.user, role: identity.role, via: identity.via, readOnly };
});
