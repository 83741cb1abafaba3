import { z } from 'zod';
import { RollbackBodySchema, SUBMIT_ROLE, SubmitResultSchema } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';
import { rollback } from '@/lib/server/versions';

export const dynamic = 'force-dynamic';

// POST /api/supervisors/{id}/rollback { version, suspended? } — submit that version from Druid's history again, audited as a submit.
export const POST = apiRoute(
  {
    summary: "Roll a supervisor back to a version from its history: Druid's stored spec of that version is submitted as an update (or re-creates a terminated supervisor)",
    params: z.object({ id: z.string().min(1) }),
    body: RollbackBodySchema,
    role: SUBMIT_ROLE,
    what: 'Rolling back a supervisor spec',
    response: SubmitResultSchema.extend({ version: z.string() }),
  },
  ({ params, body, identity, clientAddress, signal }) => rollback(params.id, body, { identity, clientAddress, signal }),
);
