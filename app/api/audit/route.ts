import { ApiError, NDJSON_MEDIA_TYPE, roleAllows } from '@/lib/http';
import { AUDIT_PAGE_SIZE, AuditEntrySchema, AuditPageSchema, AuditQuerySchema } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';
import { auditExport, auditPage } from '@/lib/server/audit';

export const dynamic = 'force-dynamic';

// GET /api/audit[?user&supervisor&action&outcome&from&to&before&limit][&format=jsonl] — the audit trail, newest first
// a page at a time, or every matching entry as JSON lines. Admins read all of it; operators one supervisor's (?supervisor=ID).
export const GET = apiRoute(
  {
    summary: "Read the audit trail, newest first, a page at a time; admins read all of it, operators one supervisor's",
    query: AuditQuerySchema,
    role: 'operator',
    what: 'Reading the audit trail',
    response: [{ schema: AuditPageSchema }, { mediaType: NDJSON_MEDIA_TYPE, schema: AuditEntrySchema, description: 'With format=jsonl: every matching entry, one a line.' }],
  },
  async ({ query, identity }) => {
    if (query.supervisor === undefined && !roleAllows(identity.role, 'admin')) {
      throw new ApiError(403, 'forbidden', `The whole audit trail is for admins; you are ${identity.role === 'operator' ? 'an operator' : `a ${identity.role}`}. Operators may read one supervisor's actions (?supervisor=ID).`, {
        need: 'admin',
        role: identity.role,
      });
    }
    return query.format === 'jsonl' ? auditExport(query) : auditPage(query, AUDIT_PAGE_SIZE);
  },
);
