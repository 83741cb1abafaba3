// Browser side of /api/supervisors: query options with hierarchical keys, polling that stops when
// there is nothing left to watch, and mutations that refresh what they changed.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { auditKeys } from '@/components/audit/api';
import { ApiRequestError, fetchJson } from '@/components/ui/fetch-json';
import { ActionResultSchema, SupervisorDetailSchema, SupervisorListSchema, type ActionResult, type SupervisorAction } from '@/lib/operate';
import { BulkResultSchema, type BulkAction, type BulkResult } from '@/lib/operate/bulk';
import { ResetPreviewSchema, ResetToTimeResultSchema, type ResetToTimeResult } from '@/lib/operate/reset-preview';

/** The server refreshes its shared answer this often; asking more often only returns the same rows. */
export const DASHBOARD_POLL_MS = 5_000;
export const STATUS_POLL_MS = 5_000;
/** While Druid does not answer, ask less often. */
const FAILING_POLL_MS = 15_000;

export const supervisorKeys = {
  all: ['supervisors'] as const,
  list: () => ['supervisors', 'list'] as const,
  detail: (id: string) => ['supervisors', id, 'status'] as const,
};

const isGone = (error: unknown) => error instanceof ApiRequestError && error.status === 404;

export const supervisorsQuery = () =>
  queryOptions({
    queryKey: supervisorKeys.list(),
    queryFn: async ({ signal }) => SupervisorListSchema.parse(await fetchJson('/api/supervisors', { signal })),
    refetchInterval: (query) => (query.state.status === 'error' ? FAILING_POLL_MS : DASHBOARD_POLL_MS),
    // Polling pauses while the tab is hidden and resumes when it is shown again.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });

export const supervisorQuery = (id: string) =>
  queryOptions({
    queryKey: supervisorKeys.detail(id),
    queryFn: async ({ signal }) => SupervisorDetailSchema.parse(await fetchJson(`/api/supervisors/${encodeURIComponent(id)}`, { signal })),
    // A terminated or unknown supervisor will not come back by asking again.
    refetchInterval: (query) => (isGone(query.state.error) ? false : query.state.status === 'error' ? FAILING_POLL_MS : STATUS_POLL_MS),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: (count, error) => !isGone(error) && count < 1,
  });

export type ActionRequest =
  | { readonly action: 'suspend' | 'resume' | 'reset' | 'terminate' }
  | { readonly action: 'resetOffsets'; readonly partitions: Record<string, string> }
  | { readonly action: 'handoff'; readonly taskGroupIds: number[] };

export async function postAction(id: string, request: ActionRequest): Promise<ActionResult> {
  const { action, ...body } = request;
  const answer = await fetchJson(`/api/supervisors/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: JSON.stringify(body) });
  return ActionResultSchema.parse(answer);
}

/**
 * Runs an action on one supervisor, then refreshes its status page and the dashboard. After a
 * terminate, onTerminated runs here rather than in the caller's mutate(): the page that asked may
 * be gone by then, and a component's own callbacks do not run once it has unmounted.
 */
export function useSupervisorAction(id: string, options: { onTerminated?: () => void } = {}) {
  const client = useQueryClient();
  return useMutation<ActionResult, Error, ActionRequest>({
    mutationKey: ['supervisors', id, 'action'],
    mutationFn: (request) => postAction(id, request),
    onSuccess: (_result, request) => {
      if (request.action === 'terminate') options.onTerminated?.();
    },
    onSettled: async (_result, error, request) => {
      if (request.action === 'terminate' && !error) {
        // Its status, lag and history are gone with it: drop them rather than ask for them again.
        await client.cancelQueries({ queryKey: ['supervisors', id] });
        client.removeQueries({ queryKey: ['supervisors', id] });
        await client.invalidateQueries({ queryKey: supervisorKeys.list() });
      } else {
        await client.invalidateQueries({ queryKey: supervisorKeys.all });
      }
      // The action's entry in the trail, on this page's "Recent actions" and the Audit page.
      await client.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}

export type { SupervisorAction };

/** Where each partition would move for a reset to `time`, and what that skips or re-reads; asked again as the time changes. */
export const resetPreviewQuery = (id: string, time: string) =>
  queryOptions({
    queryKey: ['supervisors', id, 'reset-preview', time] as const,
    queryFn: async ({ signal }) =>
      ResetPreviewSchema.parse(await fetchJson(`/api/supervisors/${encodeURIComponent(id)}/reset-offsets/preview`, { method: 'POST', body: JSON.stringify({ time }), signal })),
    retry: false,
    staleTime: 5_000,
  });

/** Resets the supervisor's offsets to a time; the answer says where Druid reads afterwards. */
export function useResetToTime(id: string) {
  const client = useQueryClient();
  return useMutation<ResetToTimeResult, Error, { time: string; confirm: string }>({
    mutationKey: ['supervisors', id, 'reset-to-time'],
    mutationFn: async (body) => ResetToTimeResultSchema.parse(await fetchJson(`/api/supervisors/${encodeURIComponent(id)}/reset-offsets`, { method: 'POST', body: JSON.stringify(body) })),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: supervisorKeys.all });
      await client.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}

/** One action on the dashboard's selection: one result per supervisor, read back from Druid. */
export function useBulkAction() {
  const client = useQueryClient();
  return useMutation<BulkResult, Error, { action: BulkAction; ids: string[] }>({
    mutationKey: ['supervisors', 'bulk'],
    mutationFn: async (body) => BulkResultSchema.parse(await fetchJson('/api/supervisors/bulk', { method: 'POST', body: JSON.stringify(body) })),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: supervisorKeys.all });
      await client.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}
