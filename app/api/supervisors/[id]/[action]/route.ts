import { z } from 'zod';
import { ACTION_LABELS, ActionResultSchema, HandoffBodySchema, ResetOffsetsBodySchema, SUPERVISOR_ACTIONS, roleForAction } from '@/lib/operate';
import { ApiError, describeIssues } from '@/lib/http';
import { apiRoute } from '@/lib/server/api';
import { runAction, type ActionInput } from '@/lib/server/operate-actions';

const Params = z.object({
  id: z.string().min(1),
  action: z.enum(SUPERVISOR_ACTIONS, { message: `must be one of ${SUPERVISOR_ACTIONS.join(', ')}` }),
});

function actionInput(action: (typeof SUPERVISOR_ACTIONS)[number], body: unknown): ActionInput {
  const parse = <T>(schema: z.ZodType<T>): T => {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new ApiError(400, 'invalid_input', describeIssues(parsed.error, 'body'), {
      issues: parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })),
    });
  };
  if (action === 'resetOffsets') return { action, partitions: parse(ResetOffsetsBodySchema).partitions };
  if (action === 'handoff') return { action, taskGroupIds: parse(HandoffBodySchema).taskGroupIds };
  return { action };
}

// POST /api/supervisors/{id}/{suspend|resume|reset|terminate|resetOffsets|handoff} — one supervisor action, audited;
// suspend, resume and handoff need an operator, the others an admin.
export const POST = apiRoute(
  {
    summary: 'Suspend, resume, reset, terminate or hand off a supervisor, or move its offsets',
    params: Params,
    // Which body applies depends on the action, so actionInput parses it; the union only says so in the API description.
    body: z.union([ResetOffsetsBodySchema, HandoffBodySchema, z.unknown()]).describe('resetOffsets reads { partitions }, handoff { taskGroupIds }; the other actions read no body.'),
    role: ({ action }) => roleForAction(action),
    what: ({ action }) => ACTION_LABELS[action],
    response: ActionResultSchema,
  },
  // The answer as its schema says: the read-back's own fields stay on the server.
  async ({ params, body, identity, clientAddress, signal }) => ActionResultSchema.parse(await runAction(params.id, actionInput(params.action, body), { identity, clientAddress, signal })),
);
