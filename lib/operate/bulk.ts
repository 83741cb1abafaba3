// Actions on many supervisors at once, from the dashboard's selection: what may be asked, what it
// will do to each supervisor before it is sent, and one result per supervisor read back from Druid. Pure.
import { z } from 'zod';
import { ACTION_LABELS } from './action-role';
import type { SupervisorRow } from './schemas';

export const BULK_ACTIONS = ['suspend', 'resume', 'handoff', 'terminate'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** One request acts on at most this many supervisors; larger selections are sent in parts by the caller. */
export const MAX_BULK_IDS = 100;

/** POST /api/supervisors/bulk */
export const BulkRequestSchema = z.object({
  action: z.enum(BULK_ACTIONS, { message: `must be one of ${BULK_ACTIONS.join(', ')}` }),
  ids: z
    .array(z.string().min(1, 'a supervisor id cannot be empty'), { message: 'must be a list of supervisor ids' })
    .min(1, 'name at least one supervisor')
    .max(MAX_BULK_IDS, `name at most ${MAX_BULK_IDS} supervisors at once`)
    .superRefine((ids, context) => {
      const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
      if (twice.length) context.addIssue({ code: 'custom', message: `${twice.map((id) => `"${id}"`).join(', ')} ${twice.length > 1 ? 'are' : 'is'} named more than once` });
    }),
});
export type BulkRequest = z.infer<typeof BulkRequestSchema>;

export const BulkItemResultSchema = z.object({
  id: z.string(),
  /** Druid did what was asked, or nothing had to be done. */
  ok: z.boolean(),
  /** Something was sent to Druid (and recorded in the audit trail). */
  acted: z.boolean(),
  message: z.string(),
  /** The supervisor's state as read back from Druid afterwards; null when it could not be read, "gone" once terminated. */
  state: z.string().nullable(),
  readAt: z.string().nullable(),
});
export type BulkItemResult = z.infer<typeof BulkItemResultSchema>;

export const BulkResultSchema = z.object({
  action: z.enum(BULK_ACTIONS),
  results: z.array(BulkItemResultSchema),
  summary: z.string(),
});
export type BulkResult = z.infer<typeof BulkResultSchema>;

/** What a supervisor looks like to the summary: its dashboard row's state. */
export type BulkTarget = Pick<SupervisorRow, 'id' | 'state' | 'suspended' | 'activeTasks'>;

/** Why a supervisor needs nothing for this action, or undefined when the action applies to it. */
export function needsNothing(action: BulkAction, target: Pick<BulkTarget, 'suspended' | 'activeTasks'>): string | undefined {
  if (action === 'suspend' && target.suspended) return 'already suspended, left as it is';
  if (action === 'resume' && !target.suspended) return 'not suspended, left as it is';
  if (action === 'handoff' && !target.activeTasks) return 'no task reading, nothing to hand off';
  return undefined;
}

const WHAT_IT_DOES: Readonly<Record<BulkAction, string>> = {
  suspend: 'will stop reading and publish what they have read',
  resume: 'will start new tasks from their stored offsets',
  handoff: 'will publish the segments being built now',
  terminate: 'will publish what they have read and stop for good; their spec history stays in Druid',
};

const count = (n: number) => `${n} supervisor${n === 1 ? '' : 's'}`;

/** "Suspend 3 supervisors: a, b, c" and a line per group: those it acts on, those left as they are. */
export function bulkSummary(action: BulkAction, ids: readonly string[], rows: readonly BulkTarget[]): { title: string; lines: string[] } {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const groups = new Map<string, string[]>();
  const add = (line: string, id: string) => groups.set(line, [...(groups.get(line) ?? []), id]);
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) add('not on the dashboard now: Druid is asked anyway', id);
    else add(needsNothing(action, row) ?? WHAT_IT_DOES[action], id);
  }
  const lines = [...groups].map(([line, members]) => `${members.length} ${line} (${members.join(', ')})`);
  return { title: `${ACTION_LABELS[action]} ${count(ids.length)}: ${ids.join(', ')}`, lines };
}

/** One line over all results: "3 suspended; 1 left as it was; 1 failed". */
export function bulkOutcome(action: BulkAction, results: readonly Pick<BulkItemResult, 'ok' | 'acted'>[]): string {
  const done = results.filter((r) => r.ok && r.acted).length;
  const left = results.filter((r) => r.ok && !r.acted).length;
  const failed = results.filter((r) => !r.ok).length;
  const verb = { suspend: 'suspended', resume: 'resumed', handoff: 'handed off', terminate: 'terminated' }[action];
  return [`${done} ${verb}`, left ? `${left} left as ${left === 1 ? 'it was' : 'they were'}` : '', failed ? `${failed} failed` : ''].filter(Boolean).join('; ');
}
