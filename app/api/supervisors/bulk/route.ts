import { ACTION_LABELS, roleForAction } from '@/lib/operate';
import { BulkRequestSchema, BulkResultSchema } from '@/lib/operate/bulk';
import { getConfig } from '@/lib/config';
import { authorize } from '@/lib/http';
import { apiRoute } from '@/lib/server/api';
import { runBulk } from '@/lib/server/bulk';

// POST /api/supervisors/bulk — one action on up to 100 supervisors, each audited and answered with its state read back;
// suspend, resume and handoff need an operator, terminate an admin.
export const POST = apiRoute(
  {
    summary: 'Suspend, resume, hand off or terminate several supervisors: one result per supervisor, read back from Druid',
    body: BulkRequestSchema,
    role: 'operator',
    what: 'Bulk actions',
    response: BulkResultSchema,
    // Up to 100 supervisors, four at a time, each read back after its action.
    timeoutMs: 120_000,
  },
  ({ body, identity, clientAddress, signal }) => {
    // The action in the body decides the role beyond the operator's.
    authorize(identity, roleForAction(body.action), getConfig().access.readOnly, ACTION_LABELS[body.action]);
    return runBulk(body.action, body.ids, { identity, clientAddress, signal });
  },
);
