import { z } from 'zod';
import { TaskIdSchema, TaskReportSchema } from '@/lib/operate';
import { apiRoute } from '@/lib/server/api';
import { taskReport } from '@/lib/server/tasks';

export const dynamic = 'force-dynamic';

// GET /api/tasks/{taskId}/report — where the task stands, its row counts per phase and the parse exceptions Druid saved.
export const GET = apiRoute(
  {
    summary: "A task's report: its status, row counts per phase (processed, unparseable, thrown away, with errors) and the parse exceptions Druid saved",
    params: z.object({ taskId: TaskIdSchema }),
    response: TaskReportSchema,
  },
  ({ params, signal }) => taskReport(params.taskId, signal),
);
