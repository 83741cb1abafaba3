// Browser side of GET /api/datasources/{name}: the supervisors writing to one datasource.
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/components/ui/fetch-json';
import { DatasourceViewSchema } from '@/lib/operate';
import { DASHBOARD_POLL_MS } from '@/components/supervisors/api';

export const datasourceQuery = (name: string) =>
  queryOptions({
    queryKey: ['datasources', name] as const,
    queryFn: async ({ signal }) => DatasourceViewSchema.parse(await fetchJson(`/api/datasources/${encodeURIComponent(name)}`, { signal })),
    // The same shared answer as the dashboard's, refreshed as often.
    refetchInterval: (query) => (query.state.status === 'error' ? false : DASHBOARD_POLL_MS),
    refetchIntervalInBackground: false,
  });
