// Browser side of a supervisor's monitoring routes: lag from Kafka, stored history for a chosen
// range, and end-to-end freshness. Keys sit under the supervisor's, so its actions refresh them too.
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/components/ui/fetch-json';
import { FreshnessResponseSchema, LagReportSchema, MetricsResponseSchema } from '@/lib/operate';

/** The ranges the history charts offer, as the URL's ?range= carries them. */
export const HISTORY_RANGES = {
  '1h': { label: 'Last hour', ms: 3_600_000, pollMs: 15_000 },
  '1d': { label: 'Last day', ms: 86_400_000, pollMs: 60_000 },
  '1w': { label: 'Last week', ms: 7 * 86_400_000, pollMs: 300_000 },
} as const;
export type HistoryRange = keyof typeof HISTORY_RANGES;

export function historyRangeOf(value: string | null | undefined): HistoryRange {
  return value && Object.hasOwn(HISTORY_RANGES, value) ? (value as HistoryRange) : '1h';
}

const LAG_POLL_MS = 5_000;
const FRESHNESS_POLL_MS = 15_000;
const path = (id: string, what: string) => `/api/supervisors/${encodeURIComponent(id)}/${what}`;

export const monitoringKeys = {
  lag: (id: string) => ['supervisors', id, 'lag'] as const,
  metrics: (id: string, range: HistoryRange) => ['supervisors', id, 'metrics', range] as const,
  freshness: (id: string) => ['supervisors', id, 'freshness'] as const,
};

export const supervisorLagQuery = (id: string) =>
  queryOptions({
    queryKey: monitoringKeys.lag(id),
    queryFn: async ({ signal }) => LagReportSchema.parse(await fetchJson(path(id, 'lag'), { signal })),
    refetchInterval: LAG_POLL_MS,
    refetchIntervalInBackground: false,
    retry: 1,
  });

export const supervisorMetricsQuery = (id: string, range: HistoryRange) =>
  queryOptions({
    queryKey: monitoringKeys.metrics(id, range),
    queryFn: async ({ signal }) => {
      const since = new Date(Date.now() - HISTORY_RANGES[range].ms).toISOString();
      return MetricsResponseSchema.parse(await fetchJson(`${path(id, 'metrics')}?since=${encodeURIComponent(since)}`, { signal }));
    },
    refetchInterval: HISTORY_RANGES[range].pollMs,
    refetchIntervalInBackground: false,
    // Switching ranges keeps the old chart on screen until the new one arrives.
    placeholderData: (previous) => previous,
    retry: 1,
  });

export const supervisorFreshnessQuery = (id: string) =>
  queryOptions({
    queryKey: monitoringKeys.freshness(id),
    queryFn: async ({ signal }) => FreshnessResponseSchema.parse(await fetchJson(path(id, 'freshness'), { signal })),
    refetchInterval: FRESHNESS_POLL_MS,
    refetchIntervalInBackground: false,
    retry: 1,
  });
