import { z } from 'zod';
import { FreshnessResponseSchema } from '@/lib/operate/monitoring-schemas';
import { apiRoute } from '@/lib/server/api';
import { supervisorFreshness } from '@/lib/server/freshness';

export const dynamic = 'force-dynamic';

// GET /api/supervisors/{id}/freshness — how long its messages take from Kafka to a query: the last probe, p50 and p95 over the last hour, the samples.
export const GET = apiRoute(
  { summary: "One supervisor's end-to-end freshness: last, p50 and p95 over the last hour, and each probe", params: z.object({ id: z.string().min(1) }), response: FreshnessResponseSchema },
  ({ params }) => supervisorFreshness(params.id),
);
