// The Audit page's filters as the URL carries them, so a view of the trail can be shared.
import { AUDIT_OUTCOMES, type AuditOutcome } from '@/lib/operate/audit-entry';

export interface AuditFilters {
  readonly user?: string;
  readonly supervisor?: string;
  readonly action?: string;
  readonly outcome?: AuditOutcome;
  /** A UTC day, 2026-03-01: entries from its start. */
  readonly from?: string;
  /** A UTC day: entries up to its end. */
  readonly to?: string;
  /** The entry id the previous page ended at. */
  readonly before?: number;
}

const TEXT_FIELDS = ['user', 'supervisor', 'action', 'from', 'to'] as const;

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const filters: Record<string, string | number> = {};
  for (const field of TEXT_FIELDS) {
    const value = params.get(field)?.trim();
    if (value) filters[field] = value;
  }
  const outcome = params.get('outcome');
  if (outcome && (AUDIT_OUTCOMES as readonly string[]).includes(outcome)) filters.outcome = outcome;
  const before = Number(params.get('before'));
  if (Number.isInteger(before) && before > 0) filters.before = before;
  return filters as AuditFilters;
}

export function auditSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

export function hasFilters(filters: AuditFilters): boolean {
  return [...TEXT_FIELDS, 'outcome' as const].some((field) => filters[field] !== undefined);
}
