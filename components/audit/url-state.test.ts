import { describe, expect, it } from 'vitest';
import { exportHref } from './api';
import { auditSearchParams, hasFilters, parseAuditFilters } from './url-state';

describe('the Audit page URL', () => {
  it('carries the filters and the page, and drops what it cannot use', () => {
    const filters = parseAuditFilters(new URLSearchParams('user=ana&supervisor=clicks&action=&outcome=maybe&from=2026-03-01&before=40&extra=1'));
    expect(filters).toEqual({ user: 'ana', supervisor: 'clicks', from: '2026-03-01', before: 40 });
    expect(parseAuditFilters(auditSearchParams(filters))).toEqual(filters);
    expect(hasFilters(filters)).toBe(true);
    expect(hasFilters({ before: 40 })).toBe(false);
  });

  it('exports everything the filters match, from the newest page on', () => {
    expect(exportHref({ user: 'ana', outcome: 'failed', before: 40 })).toBe('/api/audit?user=ana&outcome=failed&format=jsonl');
  });
});
