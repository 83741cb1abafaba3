import { z } from 'zod';
import { LagReportSchema } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';
import { supervisorLag } from '@/lib/server/lag';

export const dynamic = 'force-dynamic';

// GET /api/supervisors/{id}/lag — lag per partition from Kafka's end offsets and Druid's position, in messages and in time, with rates and time to drain.
export const GET = apiRoute(
  {
    summary: 'Lag of one supervisor as Kafka sees it: per partition in messages and in time, with production and consumption rates and the time to drain',
    params: z.object({ id: z.string().min(1) }),
    response: LagReportSchema,
  },
  ({ params, signal }) => supervisorLag(params.id, signal),
);
