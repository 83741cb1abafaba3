import { z } from 'zod';
import { ACTION_LABELS, roleForAction } from '@/lib/operate';
import { ResetToTimeBodySchema, ResetToTimeResultSchema } from '@/lib/operate/reset-preview';
import { apiRoute } from '@/lib/server/api';
import { resetToTime } from '@/lib/server/reset-to-time';

// POST /api/supervisors/{id}/reset-offsets — move every partition to its offset at a time (or earliest/latest), with the id typed as confirmation; admins only.
export const POST = apiRoute(
  {
    summary: "Reset a supervisor's offsets to a point in time: the offsets are looked up in Kafka when sent, and the answer says where Druid reads afterwards",
    params: z.object({ id: z.string().min(1) }),
    body: ResetToTimeBodySchema,
    role: roleForAction('resetOffsets'),
    what: ACTION_LABELS.resetOffsets,
    response: ResetToTimeResultSchema,
    // Looking the offsets up, sending them and reading Druid back until it shows them.
    timeoutMs: 45_000,
  },
  ({ params, body, identity, clientAddress, signal }) => resetToTime(params.id, body, { identity, clientAddress, signal }),
);
