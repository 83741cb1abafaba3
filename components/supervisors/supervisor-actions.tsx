'use client';
// The status page's actions. Suspend, resume and handoff act at once; reset and moving offsets
// explain what they do to the data and ask first; terminate asks for the supervisor's id.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ACTION_LABELS, roleForAction, type PartitionRow, type SupervisorAction } from '@/lib/operate';
import { permission, refusalNotes, useMe } from '@/components/access/api';
import { useSupervisorAction, type ActionRequest } from './api';
import { ConfirmDialog } from './confirm-dialog';
import { ResetOffsetsDialog } from './reset-offsets-dialog';

type Asking = 'reset' | 'terminate' | 'resetOffsets' | undefined;

const BUTTON = 'rounded-md border px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50';
const PLAIN = `${BUTTON} border-slate-300 bg-white text-slate-700 hover:bg-slate-100`;
const DANGER = `${BUTTON} border-rose-300 bg-white text-rose-700 hover:bg-rose-50`;

export function SupervisorActions({ id, suspended, partitions, taskGroupIds }: { id: string; suspended: boolean; partitions: readonly PartitionRow[]; taskGroupIds: readonly number[] }) {
  const router = useRouter();
  // Back to the dashboard from the hook itself: this page stops showing the supervisor once it is gone.
  const mutation = useSupervisorAction(id, { onTerminated: () => router.push(`/supervisors?terminated=${encodeURIComponent(id)}`) });
  const [asking, setAsking] = useState<Asking>();
  const run = (request: ActionRequest) => mutation.mutate(request, { onSuccess: () => setAsking(undefined) });
  const me = useMe().data;
  // What this user's role may not do is disabled, with the reason on the button and below.
  const refused = (action: SupervisorAction) => !permission(me, roleForAction(action), ACTION_LABELS[action]).allowed;
  const why = (action: SupervisorAction) => permission(me, roleForAction(action), ACTION_LABELS[action]).reason;
  const shown: SupervisorAction[] = [suspended ? 'resume' : 'suspend', 'handoff', 'resetOffsets', 'reset', 'terminate'];
  const notes = refusalNotes(me, shown.map((action) => ({ need: roleForAction(action), what: ACTION_LABELS[action] })));
  const busy = mutation.isPending;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Supervisor actions">
        {suspended ? (
          <button type="button" className={PLAIN} disabled={busy || refused('resume')} title={why('resume')} onClick={() => run({ action: 'resume' })}>
            Resume
          </button>
        ) : (
          <button type="button" className={PLAIN} disabled={busy || refused('suspend')} title={why('suspend')} onClick={() => run({ action: 'suspend' })}>
            Suspend
          </button>
        )}
        <button
          type="button"
          className={PLAIN}
          disabled={busy || refused('handoff') || taskGroupIds.length === 0}
          title={why('handoff') ?? (taskGroupIds.length === 0 ? 'No task group is reading now' : 'Publish the segments being built now instead of at taskDuration')}
          onClick={() => run({ action: 'handoff', taskGroupIds: [...taskGroupIds] })}
        >
          Hand off now
        </button>
        <button
          type="button"
          className={DANGER}
          disabled={busy || refused('resetOffsets') || partitions.length === 0}
          title={why('resetOffsets') ?? (partitions.length === 0 ? 'Druid reports no partition offsets for this supervisor right now' : 'Choose the offset each partition is read from')}
          onClick={() => setAsking('resetOffsets')}
        >
          Move offsets…
        </button>
        <button type="button" className={DANGER} disabled={busy || refused('reset')} title={why('reset')} onClick={() => setAsking('reset')}>
          Reset…
        </button>
        <button type="button" className={DANGER} disabled={busy || refused('terminate')} title={why('terminate')} onClick={() => setAsking('terminate')}>
          Terminate…
        </button>
      </div>
      {notes.map((note) => (
        <p key={note} className="text-sm text-slate-600" data-testid="action-refusal">
          {note}
        </p>
      ))}
      {mutation.isSuccess && !asking && (
        <p role="status" className="text-sm text-emerald-800">
          {mutation.data.message}
        </p>
      )}
      {mutation.isError && (
        <p role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {mutation.error.message}
        </p>
      )}

      {asking === 'reset' && (
        <ConfirmDialog title={`Reset supervisor ${id}?`} confirmLabel="Reset" busy={busy} onConfirm={() => run({ action: 'reset' })} onCancel={() => setAsking(undefined)}>
          <p>A hard reset forgets the offsets Druid stored for this supervisor. Its tasks stop, and new ones start from the earliest or latest offset, as useEarliestOffset says.</p>
          <p className="font-medium text-rose-800">Data may be skipped (messages between the stored and the latest offset) or read twice (rows already in Druid ingested again).</p>
        </ConfirmDialog>
      )}
      {asking === 'terminate' && (
        <ConfirmDialog title={`Terminate supervisor ${id}?`} confirmLabel="Terminate" typeToConfirm={id} busy={busy} onConfirm={() => run({ action: 'terminate' })} onCancel={() => setAsking(undefined)}>
          <p>Its tasks publish what they have read and stop, and Druid stops reading the topic. Data already ingested stays queryable; the spec history stays in Druid.</p>
          <p>To read the topic again you would submit the spec again.</p>
        </ConfirmDialog>
      )}
      {asking === 'resetOffsets' && (
        <ResetOffsetsDialog partitions={partitions} busy={busy} onMove={(moved) => run({ action: 'resetOffsets', partitions: moved })} onCancel={() => setAsking(undefined)} />
      )}
    </div>
  );
}
