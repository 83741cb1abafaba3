'use client';
// The Audit page: every change made through Tributary, newest first, filtered by who, what, which
// supervisor, outcome and day, a page at a time, with an export of everything the filters match.
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { ApiRequestError } from '@/components/ui/fetch-json';
import { auditPageQuery, exportHref } from './api';
import { AuditFiltersForm } from './audit-filters';
import { AuditTable } from './audit-table';
import { auditSearchParams, hasFilters, parseAuditFilters, type AuditFilters } from './url-state';

export function AuditPageClient() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = parseAuditFilters(new URLSearchParams(params.toString()));
  const trail = useQuery(auditPageQuery(filters));

  const navigate = (next: AuditFilters) => {
    const query = auditSearchParams(next).toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  if (trail.error instanceof ApiRequestError && (trail.error.status === 401 || trail.error.status === 403)) {
    return (
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        {trail.error.message}
      </p>
    );
  }
  const page = trail.data;
  return (
    <section aria-label="Audit" className="space-y-4">
      {/* Remounted when the URL changes (back, a shared link), so the typed fields follow it. */}
      <AuditFiltersForm key={params.toString()} filters={filters} onChange={navigate} />
      {trail.isError && (
        <p role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900">
          The audit trail could not be read: {trail.error.message}
        </p>
      )}
      {page && (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
            <p data-testid="audit-total">
              {page.total === 0
                ? hasFilters(filters)
                  ? 'No entry matches these filters.'
                  : 'Nothing has been changed through Tributary yet.'
                : `${page.total.toLocaleString('en-US')} entr${page.total === 1 ? 'y' : 'ies'}${hasFilters(filters) ? ' match' : ''}; newest first.`}
            </p>
            <a href={exportHref(filters)} download className="font-medium text-brand-700 hover:underline">
              Export {hasFilters(filters) ? 'these' : 'all'} as JSON lines
            </a>
          </div>
          {page.entries.length > 0 && <AuditTable entries={page.entries} />}
          <nav aria-label="Audit pages" className="flex gap-3 text-sm">
            {filters.before !== undefined && (
              <button type="button" onClick={() => navigate({ ...filters, before: undefined })} className="font-medium text-brand-700 hover:underline">
                ← Newest
              </button>
            )}
            {page.nextBefore !== null && (
              <button type="button" onClick={() => navigate({ ...filters, before: page.nextBefore ?? undefined })} className="font-medium text-brand-700 hover:underline">
                Older →
              </button>
            )}
          </nav>
        </>
      )}
      {trail.isPending && <p className="text-sm text-slate-500">Reading the audit trail…</p>}
    </section>
  );
}
