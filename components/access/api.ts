// Browser side of /api/me and /api/session: who is signed in, as what role, and what that role
// may do here, with the reason in words when it may not.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiRequestError, fetchJson } from '@/components/ui/fetch-json';
import { ROLES, roleAllows, roleRefusal, type Role } from '@/lib/http/identity';
import { MeSchema, type Me, type SignInRequest } from '@/lib/http/me';

export const READ_ONLY_NOTE = 'This Tributary instance is read-only: actions and submits are disabled.';
/** Sessions end on the server; asking now and then lets the page say so before an action fails. */
const ME_POLL_MS = 60_000;

export const meQuery = () =>
  queryOptions({
    queryKey: ['me'] as const,
    queryFn: async ({ signal }): Promise<Me> => MeSchema.parse(await fetchJson('/api/me', { signal })),
    refetchInterval: ME_POLL_MS,
    refetchOnWindowFocus: true,
    retry: (count, error) => !(error instanceof ApiRequestError && (error.status === 401 || error.status === 403)) && count < 1,
  });

export function useMe() {
  return useQuery(meQuery());
}

export interface Permission {
  readonly allowed: boolean;
  /** Why not, in words; undefined when allowed. */
  readonly reason?: string;
}

/** Whether `me` may do `what`, which needs `need`. Unknown identity allows: the server decides. */
export function permission(me: Me | undefined, need: Role, what: string | readonly string[]): Permission {
  if (!me || roleAllows(me.role, need)) return { allowed: true };
  return { allowed: false, reason: me.readOnly ? READ_ONLY_NOTE : roleRefusal(what, need, me.role) };
}

/** One sentence per role that `me` lacks, naming what it would allow: "Reset and Terminate need the admin role; you are an operator." */
export function refusalNotes(me: Me | undefined, items: readonly { readonly need: Role; readonly what: string }[]): string[] {
  if (!me) return [];
  const refused = items.filter((item) => !roleAllows(me.role, item.need));
  if (refused.length === 0) return [];
  if (me.readOnly) return [READ_ONLY_NOTE];
  return ROLES.flatMap((role) => {
    const whats = refused.filter((item) => item.need === role).map((item) => item.what);
    return whats.length > 0 ? [roleRefusal(whats, role, me.role)] : [];
  });
}

export function usePermission(need: Role, what: string | readonly string[]): Permission {
  return permission(useMe().data, need, what);
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation<Me, Error, SignInRequest>({
    mutationFn: async (request) => MeSchema.parse(await fetchJson('/api/session', { method: 'POST', body: JSON.stringify(request) })),
    onSuccess: (me) => {
      client.setQueryData(meQuery().queryKey, me);
      // What was asked before signing in was refused: ask again as the user now signed in.
      void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    },
  });
}

export async function signOut(): Promise<void> {
  await fetch('/api/session', { method: 'DELETE', headers: { 'content-type': 'application/json' } });
}
