import { z } from 'zod';
import { SupervisorVersionsSchema } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';
import { readVersions } from '@/lib/server/versions';

export const dynamic = 'force-dynamic';

// GET /api/supervisors/{id}/versions — every spec version Druid keeps, newest first, terminated supervisors too; secrets hidden.
export const GET = apiRoute(
  {
    summary: "Every version of a supervisor's spec, newest first, each saying whether it changed the spec or only suspended or resumed it; also for terminated supervisors",
    params: z.object({ id: z.string().min(1) }),
    response: SupervisorVersionsSchema,
  },
  ({ params, signal }) => readVersions(params.id, signal),
);
