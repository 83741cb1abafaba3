// Browser side of change management: a supervisor's versions (also once it is terminated) and a
// rollback that refreshes what it changed.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { auditKeys } from '@/components/audit/api';
import { fetchJson } from '@/components/ui/fetch-json';
import { SubmitResultSchema, SupervisorVersionsSchema, type RollbackBody } from '@/lib/operate';
import { supervisorKeys } from './api';

export const versionKeys = {
  versions: (id: string) => ['supervisors', id, 'versions'] as const,
};

const RollbackResultSchema = SubmitResultSchema.extend({ version: z.string() });
export type RollbackResult = z.infer<typeof RollbackResultSchema>;

export const supervisorVersionsQuery = (id: string) =>
  queryOptions({
    queryKey: versionKeys.versions(id),
    queryFn: async ({ signal }) => SupervisorVersionsSchema.parse(await fetchJson(`/api/supervisors/${encodeURIComponent(id)}/versions`, { signal })),
    // A new version comes with an action or a submit, which refresh it; no polling needed.
    refetchOnWindowFocus: true,
  });

export function useRollback(id: string) {
  const client = useQueryClient();
  return useMutation<RollbackResult, Error, RollbackBody>({
    mutationKey: ['supervisors', id, 'rollback'],
    mutationFn: async (body) => RollbackResultSchema.parse(await fetchJson(`/api/supervisors/${encodeURIComponent(id)}/rollback`, { method: 'POST', body: JSON.stringify(body) })),
    // Not awaited: the outcome shows at once while the status page (a terminated supervisor comes
    // back with a rollback), the dashboard and the audit trail read again behind it.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['supervisors', id] });
      void client.invalidateQueries({ queryKey: supervisorKeys.list() });
      void client.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}
