import { z } from 'zod';
import { ResetPreviewBodySchema, ResetPreviewSchema } from '@/lib/operate/reset-preview';
import { apiRoute } from '@/lib/server/api';
import { previewResetToTime } from '@/lib/server/reset-to-time';

// POST /api/supervisors/{id}/reset-offsets/preview — per partition, where Druid reads now, the offset at the time, and what moving there skips or re-reads. Reads only.
export const POST = apiRoute(
  {
    summary: 'Preview a reset to a point in time: per partition the current and target offsets and how many records would be skipped or read again',
    params: z.object({ id: z.string().min(1) }),
    body: ResetPreviewBodySchema,
    response: ResetPreviewSchema,
  },
  ({ params, body, signal }) => previewResetToTime(params.id, body.time, signal),
);
