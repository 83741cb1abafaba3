import { z } from 'zod';
import { SUBMIT_ROLE, SubmitQuerySchema, SubmitResultSchema, SupervisorListSchema } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';
import { supervisorList } from '@/lib/server/operate';
import { submitSpec } from '@/lib/server/operate-actions';

export const dynamic = 'force-dynamic';

// GET /api/supervisors — dashboard rows for every supervisor, shared among viewers for a few seconds.
export const GET = apiRoute({ summary: 'Every supervisor as a dashboard row: state, health, lag, throughput, errors and tasks', response: SupervisorListSchema, timeoutMs: 20_000 }, () => supervisorList());

// POST /api/supervisors[?suspended=true] — validate a spec (any form) and submit it; resubmitting the same spec changes nothing.
export const POST = apiRoute(
  {
    summary: 'Submit a supervisor spec, after the same checks as validation; resubmitting the same spec changes nothing',
    // Any form Tributary reads, legacy ones too: the handler imports it like POST /api/spec/validate.
    body: z.unknown().describe('A Kafka supervisor spec: as Druid returns it, in a legacy (parser-based) form, or its inner spec'),
    query: SubmitQuerySchema,
    role: SUBMIT_ROLE,
    what: 'Submitting a supervisor spec',
    response: SubmitResultSchema,
  },
  ({ body, query, identity, clientAddress, signal }) => submitSpec(body, query.suspended, { identity, clientAddress, signal }),
);
