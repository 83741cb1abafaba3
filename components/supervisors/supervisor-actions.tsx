'use client';
// The status page's actions. Suspend, resume and handoff act at once; moving offsets explains what
// it does to the data and asks first; a hard reset, a reset to a time and terminate ask for the
// supervisor's id. A link can open one: ?act=reset-to-time (&time=…), ?act=reset, ?act=resume.
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { ACTION_LABELS, roleForAction, type PartitionRow, type SupervisorAction } from '@/lib/operate';
import { permission, refusalNotes, useMe } from '@/components/access/api';
import { useResetToTime, useSupervisorAction, type ActionRequest } from './api';
import { ConfirmDialog } from './confirm-dialog';
import { ResetOffsetsDialog } from './reset-offsets-dialog';
import { ResetToTimeDialog } from './reset-to-time-dialog';

type Asking = 'reset' | 'terminate' | 'resetOffsets' | 'resetToTime' | undefined;

/** The dialog a link's ?act= opens. */
const LINKED_ACTS: Readonly<Record<string, Asking>> = { 'reset-to-time': 'resetToTime', reset: 'reset' };

const BUTTON = 'rounded-md border px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50';
const PLAIN = `${BUTTON} border-slate-300 bg-white text-slate-700 hover:bg-slate-100`;
const DANGER = `${BUTTON} border-rose-300 bg-white text-rose-700 hover:bg-rose-50`;

export function SupervisorActions({ id, suspended, partitions, taskGroupIds }: { id: string; suspended: boolean; partitions: readonly PartitionRow[]; taskGroupIds: readonly number[] }) {
  const router = useRouter();
  // Back to the dashboard from the hook itself: this page stops showing the supervisor once it is gone.
  const mutation = useSupervisorAction(id, { onTerminated: () => router.push(`/supervisors?terminated=${encodeURIComponent(id)}`) });
  const resetToTime = useResetToTime(id);
  const params = useSearchParams();
  const act = params.get('act');
  const [asking, setAskingState] = useState<Asking>(() => LINKED_ACTS[act ?? '']);
  const setAsking = (next: Asking) => {
    setAskingState(next);
    // A linked dialog, once closed, does not open again on reload.
    if (next === undefined && act) {
      const rest = new URLSearchParams(params.toString());
      rest.delete('act');
      rest.delete('time');
      // The browser's own history call: Next keeps useSearchParams in step without asking the server for the page again.
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${rest.size ? `?${rest}` : ''}`);
    }
  };
  const run = (request: ActionRequest) => mutation.mutate(request, { onSuccess: () => setAsking(undefined) });
  const answered = [mutation, resetToTime].filter((m) => m.isSuccess).sort((a, b) => b.submittedAt - a.submittedAt)[0];
  const failed = [mutation, resetToTime].find((m) => m.isError);
  const me = useMe().data;
  // What this user's role may not do is disabled, with the reason on the button and below.
  const refused = (action: SupervisorAction) => !permission(me, roleForAction(action), ACTION_LABELS[action]).allowed;
  const why = (action: SupervisorAction) => permission(me, roleForAction(action), ACTION_LABELS[action]).reason;
  const shown: SupervisorAction[] = [suspended ? 'resume' : 'suspend', 'handoff', 'resetOffsets', 'reset', 'terminate'];
  const notes = refusalNotes(me, shown.map((action) => ({ need: roleForAction(action), what: ACTION_LABELS[action] })));
  const busy = mutation.isPending || resetToTime.isPending;
  const RESUME = act === 'resume' ? `${PLAIN} ring-2 ring-brand-500 ring-offset-1` : PLAIN;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Supervisor actions">
        {suspended ? (
          <button type="button" className={RESUME} disabled={busy || refused('resume')} title={why('resume')} onClick={() => run({ action: 'resume' })}>
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
        <button
          type="button"
          className={DANGER}
          disabled={busy || refused('resetOffsets')}
          title={why('resetOffsets') ?? 'Read every partition again from a point in time, with a preview of what is skipped or read again'}
          onClick={() => setAsking('resetToTime')}
        >
          Reset to a time…
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
      {act === 'resume' && suspended && <p className="text-sm text-brand-800">Resume starts new tasks from the stored offsets.</p>}
      {answered && !asking && (
        <p role="status" className="text-sm text-emerald-800" data-testid="action-answer">
          {answered.data?.message}
        </p>
      )}
      {failed && (
        <p role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {failed.error?.message}
        </p>
      )}

      {asking === 'reset' && (
        <ConfirmDialog title={`Reset supervisor ${id}?`} confirmLabel="Reset" typeToConfirm={id} busy={busy} onConfirm={() => run({ action: 'reset' })} onCancel={() => setAsking(undefined)}>
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
      {asking === 'resetToTime' && (
        <ResetToTimeDialog
          id={id}
          initialTime={params.get('time')}
          busy={busy}
          onSend={(time) => resetToTime.mutate({ time, confirm: id }, { onSuccess: () => setAsking(undefined) })}
          onCancel={() => setAsking(undefined)}
        />
      )}
    </div>
  );
}
