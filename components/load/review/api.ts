// Browser side of the review step: the server's defaults, submitting a spec, checking it with Druid.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/components/ui/fetch-json';
import { supervisorKeys } from '@/components/supervisors/api';
import { SubmitResultSchema, type SubmitResult } from '@/lib/operate';
import { CheckResponseSchema, LoadDefaultsSchema, type CheckResponse } from './schemas';

export const loadKeys = {
  defaults: () => ['load', 'defaults'] as const,
};

export const loadDefaultsQuery = () =>
  queryOptions({
    queryKey: loadKeys.defaults(),
    queryFn: async ({ signal }) => LoadDefaultsSchema.parse(await fetchJson('/api/load/defaults', { signal })),
    staleTime: Infinity,
  });

export interface SubmitRequest {
  readonly spec: unknown;
  readonly suspended: boolean;
}

/** Submits a spec; the supervisor list and its status page are refreshed after. */
export function useSubmitSpec() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ spec, suspended }: SubmitRequest): Promise<SubmitResult> =>
      SubmitResultSchema.parse(await fetchJson(`/api/supervisors?suspended=${suspended}`, { method: 'POST', body: JSON.stringify(spec) })),
    onSuccess: () => client.invalidateQueries({ queryKey: supervisorKeys.all }),
  });
}

export function useCheckWithDruid() {
  return useMutation({
    mutationFn: async (spec: unknown): Promise<CheckResponse> =>
      CheckResponseSchema.parse(await fetchJson('/api/load/check', { method: 'POST', body: JSON.stringify({ spec }) })),
  });
}
