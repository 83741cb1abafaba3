// Browser side of GET /api/audit: the Audit page's filtered pages, and one supervisor's recent
// actions for its status page. Keys follow the filters, so each view is cached on its own.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ApiRequestError, fetchJson } from '@/components/ui/fetch-json';
import { AuditPageSchema } from '@/lib/operate/audit-entry';
import { auditSearchParams, type AuditFilters } from './url-state';

/** Entries appear as actions are taken; a page open on the trail shows them within this. */
export const AUDIT_POLL_MS = 10_000;
export const RECENT_ACTIONS = 10;

export const auditKeys = {
  all: ['audit'] as const,
  page: (filters: AuditFilters) => ['audit', 'page', filters] as const,
  supervisor: (id: string) => ['audit', 'supervisor', id] as const,
};

const refused = (error: unknown) => error instanceof ApiRequestError && (error.status === 401 || error.status === 403);

export const auditPageQuery = (filters: AuditFilters) =>
  queryOptions({
    queryKey: auditKeys.page(filters),
    queryFn: async ({ signal }) => AuditPageSchema.parse(await fetchJson(`/api/audit?${auditSearchParams(filters)}`, { signal })),
    // Older pages do not change; only the newest one gains entries.
    refetchInterval: (query) => (filters.before || refused(query.state.error) ? false : AUDIT_POLL_MS),
    refetchIntervalInBackground: false,
    placeholderData: keepPreviousData,
    retry: (count, error) => !refused(error) && count < 1,
  });

export const recentActionsQuery = (supervisorId: string) =>
  queryOptions({
    queryKey: auditKeys.supervisor(supervisorId),
    queryFn: async ({ signal }) =>
      AuditPageSchema.parse(await fetchJson(`/api/audit?${auditSearchParams({ supervisor: supervisorId })}&limit=${RECENT_ACTIONS}`, { signal })),
    // A viewer is not shown the trail; asking again will not change that.
    refetchInterval: (query) => (refused(query.state.error) ? false : AUDIT_POLL_MS),
    refetchIntervalInBackground: false,
    retry: (count, error) => !refused(error) && count < 1,
  });

/** The JSON-lines export of every entry the filters match (not only this page). */
export function exportHref(filters: AuditFilters): string {
  const params = auditSearchParams({ ...filters, before: undefined });
  params.set('format', 'jsonl');
  return `/api/audit?${params}`;
}
