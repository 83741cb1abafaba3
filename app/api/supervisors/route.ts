import { z } from 'zod';
import { SUBMIT_ROLE, SubmitQuerySchema } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';
import { supervisorList } from '@/lib/server/operate';
import { submitSpec } from '@/lib/server/operate-actions';

export const dynamic = 'force-dynamic';

// GET /api/supervisors — dashboard rows for every supervisor, shared among viewers for a few seconds.
export const GET = apiRoute({ timeoutMs: 20_000 }, () => supervisorList());

// POST /api/supervisors[?suspended=true] — validate a spec (any form) and submit it; resubmitting the same spec changes nothing.
export const POST = apiRoute({ body: z.unknown(), query: SubmitQuerySchema, role: SUBMIT_ROLE, what: 'Submitting a supervisor spec' }, ({ body, query, identity, clientAddress, signal }) =>
  submitSpec(body, query.suspended, { identity, clientAddress, signal }),
);
