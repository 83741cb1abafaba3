'use client';
// Actions on the dashboard's selection: a bar naming how many are selected with the actions this
// user's role allows, a summary of what each will do before anything is sent (terminate asks for
// the word typed), and one result per supervisor, read back from Druid, once it is done.
import { useState } from 'react';
import { ACTION_LABELS, roleForAction, type SupervisorRow } from '@/lib/operate';
import { BULK_ACTIONS, bulkSummary, type BulkAction, type BulkResult } from '@/lib/operate/bulk';
import { permission, useMe } from '@/components/access/api';
import { useBulkAction } from './api';
import { ConfirmDialog } from './confirm-dialog';

const BUTTON = 'rounded-md border px-3 py-1 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50';
const TONE: Readonly<Record<BulkAction, string>> = {
  suspend: 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100',
  resume: 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100',
  handoff: 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100',
  terminate: 'border-rose-300 bg-white text-rose-700 hover:bg-rose-50',
};

export function BulkActions({ ids, rows, onDone }: { ids: readonly string[]; rows: readonly SupervisorRow[]; onDone: () => void }) {
  const me = useMe().data;
  const bulk = useBulkAction();
  const [asking, setAsking] = useState<BulkAction>();
  const [result, setResult] = useState<BulkResult>();
  if (ids.length === 0 && !result) return null;
  const send = (action: BulkAction) =>
    bulk.mutate(
      { action, ids: [...ids] },
      {
        onSuccess: (answer) => {
          setResult(answer);
          setAsking(undefined);
          onDone();
        },
      },
    );

  return (
    <div className="space-y-2 rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm" data-testid="bulk-actions">
      {ids.length > 0 && (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Actions on the selected supervisors">
          <span className="font-medium text-slate-800">{ids.length} selected:</span>
          {BULK_ACTIONS.map((action) => {
            const allowed = permission(me, roleForAction(action), ACTION_LABELS[action]);
            return (
              <button key={action} type="button" className={`${BUTTON} ${TONE[action]}`} disabled={!allowed.allowed || bulk.isPending} title={allowed.reason} onClick={() => setAsking(action)}>
                {ACTION_LABELS[action]}
                {action === 'terminate' ? '…' : ''}
              </button>
            );
          })}
        </div>
      )}
      {bulk.isError && (
        <p role="alert" className="text-rose-900">
          {bulk.error.message}
        </p>
      )}
      {result && <BulkResults result={result} onClose={() => setResult(undefined)} />}
      {asking && (
        <BulkConfirm action={asking} ids={ids} rows={rows} busy={bulk.isPending} onConfirm={() => send(asking)} onCancel={() => setAsking(undefined)} />
      )}
    </div>
  );
}

function BulkConfirm({ action, ids, rows, busy, onConfirm, onCancel }: { action: BulkAction; ids: readonly string[]; rows: readonly SupervisorRow[]; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const summary = bulkSummary(action, ids, rows);
  return (
    <ConfirmDialog title={summary.title} confirmLabel={`${ACTION_LABELS[action]} ${ids.length}`} typeToConfirm={action === 'terminate' ? 'terminate' : undefined} busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
      <ul className="list-disc space-y-1 pl-5" data-testid="bulk-summary">
        {summary.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {action === 'terminate' && <p className="font-medium text-rose-800">Terminated supervisors stop reading for good; to read the topics again their specs must be submitted again.</p>}
    </ConfirmDialog>
  );
}

function BulkResults({ result, onClose }: { result: BulkResult; onClose: () => void }) {
  return (
    <div role="status" data-testid="bulk-results">
      <div className="flex items-center justify-between">
        <p className="font-medium text-slate-800">
          {ACTION_LABELS[result.action]}: {result.summary}
        </p>
        <button type="button" onClick={onClose} className="text-xs text-slate-600 hover:underline">
          Dismiss
        </button>
      </div>
      <ul className="mt-1 space-y-1">
        {result.results.map((r) => (
          <li key={r.id} data-result={r.id} className={r.ok ? 'text-slate-700' : 'text-rose-800'}>
            <span className="font-medium">{r.id}</span>
            {r.state && (
              <span className="ml-2 rounded bg-white px-1.5 py-0.5 font-mono text-xs" data-testid="state-after">
                {r.state}
              </span>
            )}
            <span className="ml-2 text-xs">{r.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
