// Browser side of /api/alerts and /api/alerts/rules: what fires (polled), the rules document, and
// saving it, which refreshes both.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiRequestError, fetchJson } from '@/components/ui/fetch-json';
import { AlertRulesResponseSchema, AlertsResponseSchema, type AlertRulesDocument, type AlertRulesResponse } from '@/lib/operate/alert-rules';

/** Alerts change once per collector round (15 s by default); a page open on them follows within this. */
export const ALERTS_POLL_MS = 10_000;

export const alertKeys = {
  all: ['alerts'] as const,
  list: () => ['alerts', 'list'] as const,
  rules: () => ['alerts', 'rules'] as const,
};

const refused = (error: unknown) => error instanceof ApiRequestError && (error.status === 401 || error.status === 403);

export const alertsQuery = () =>
  queryOptions({
    queryKey: alertKeys.list(),
    queryFn: async ({ signal }) => AlertsResponseSchema.parse(await fetchJson('/api/alerts', { signal })),
    refetchInterval: (query) => (refused(query.state.error) ? false : ALERTS_POLL_MS),
    refetchIntervalInBackground: false,
    retry: (count, error) => !refused(error) && count < 1,
  });

export const alertRulesQuery = () =>
  queryOptions({
    queryKey: alertKeys.rules(),
    queryFn: async ({ signal }) => AlertRulesResponseSchema.parse(await fetchJson('/api/alerts/rules', { signal })),
    retry: (count, error) => !refused(error) && count < 1,
  });

export function useSaveAlertRules() {
  const client = useQueryClient();
  return useMutation<AlertRulesResponse, Error, AlertRulesDocument>({
    mutationFn: async (document) => AlertRulesResponseSchema.parse(await fetchJson('/api/alerts/rules', { method: 'PUT', body: JSON.stringify(document) })),
    onSuccess: (saved) => {
      client.setQueryData(alertKeys.rules(), saved);
      // Saved rules change what fires from the next collector round on.
      void client.invalidateQueries({ queryKey: alertKeys.list() });
    },
  });
}
