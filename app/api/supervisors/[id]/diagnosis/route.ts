import { z } from 'zod';
import { DiagnosisSchema } from '@/lib/operate/diagnosis-schema';
import { apiRoute } from '@/lib/server/api';
import { supervisorDiagnosis } from '@/lib/server/diagnosis';

export const dynamic = 'force-dynamic';

// GET /api/supervisors/{id}/diagnosis — why nothing lands: findings with their evidence and the action that fixes each.
export const GET = apiRoute(
  {
    summary:
      'Why nothing lands: unparseable and thrown-away rows with examples, offsets deleted by retention, connection failures, failing tasks and a taskCount above the partition count, each with its evidence and fix',
    params: z.object({ id: z.string().min(1) }),
    response: DiagnosisSchema,
  },
  ({ params, signal }) => supervisorDiagnosis(params.id, signal),
);
