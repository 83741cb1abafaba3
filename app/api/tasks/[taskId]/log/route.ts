import { z } from 'zod';
import { FOLLOW_MAX_MS, TaskIdSchema, TaskLogQuerySchema } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';
import { taskLog } from '@/lib/server/tasks';

export const dynamic = 'force-dynamic';

// GET /api/tasks/{taskId}/log — the task's log as text: its end, all of it (full, download), or followed while the task runs (follow).
export const GET = apiRoute(
  {
    summary: "A task's log as plain text: its last 256 KB (tailKb to say how much), all of it (full=1), as a file (download=1), or followed while the task runs (follow=1)",
    params: z.object({ taskId: TaskIdSchema }),
    query: TaskLogQuerySchema,
    response: { mediaType: 'text/plain', description: "The log's text; when Druid answers with an empty log, why, with the header x-tributary-empty-log: true" },
    // A follow holds the answer open for up to FOLLOW_MAX_MS.
    timeoutMs: FOLLOW_MAX_MS + 60_000,
  },
  ({ params, query, signal }) => taskLog(params.taskId, query, signal),
);
