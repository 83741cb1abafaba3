import { z } from 'zod';
import { SupervisorDetailSchema } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';
import { supervisorDetail } from '@/lib/server/operate-detail';

export const dynamic = 'force-dynamic';

// GET /api/supervisors/{id} — status, stats, partitions, tasks, spec (with curl), history with diffs, lag history.
export const GET = apiRoute({ summary: 'One supervisor: status, stats, partitions, tasks, spec, history and lag history', params: z.object({ id: z.string().min(1) }), response: SupervisorDetailSchema }, ({ params, signal }) => supervisorDetail(params.id, signal));
