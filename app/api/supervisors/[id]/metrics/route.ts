import { z } from 'zod';
import { MetricsResponseSchema } from '@/lib/operate/monitoring-schemas';
import { MetricsQuerySchema } from '@/lib/operate/metrics-history';
import { apiRoute } from '@/lib/server/api';
import { supervisorMetrics } from '@/lib/server/metrics';

export const dynamic = 'force-dynamic';

// GET /api/supervisors/{id}/metrics?since=&until= — its stored history (state, lag, time lag, rates, tasks), every sample
// for up to 3 hours, 1-minute points up to 36 hours, 10-minute points beyond; the last hour by default.
export const GET = apiRoute(
  {
    summary: "One supervisor's stored history over a range: state, lag, time lag, row rates and tasks",
    params: z.object({ id: z.string().min(1) }),
    query: MetricsQuerySchema,
    response: MetricsResponseSchema,
  },
  ({ params, query }) => supervisorMetrics(params.id, query),
);
