import { z } from 'zod';
import { SubmitQuerySchema } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';
import { supervisorList } from '@/lib/server/operate';
import { submitSpec } from '@/lib/server/operate-actions';
import { callerOf } from '@/lib/server/operate-audit';

export const dynamic = 'force-dynamic';

// GET /api/supervisors — dashboard rows for every supervisor, shared among viewers for a few seconds.
export const GET = apiRoute({ timeoutMs: 20_000 }, () => supervisorList());

// POST /api/supervisors[?suspended=true] — validate a spec (any form) and submit it; resubmitting the same spec changes nothing.
export const POST = apiRoute({ body: z.unknown(), query: SubmitQuerySchema, mutates: true }, ({ body, query, request, signal }) =>
  submitSpec(body, query.suspended, { user: callerOf(request), signal }),
);
