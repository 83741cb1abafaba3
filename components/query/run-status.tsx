'use client';
// What the current run is doing: running with its elapsed time and rows so far, done with
// its count and time (and whether the row limit cut it short), or cancelled.
import { useEffect, useState } from 'react';
import type { RunState } from './use-query-run';

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(since);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return <>{seconds(Math.max(0, now - since))}</>;
}

export function RunStatus({ state }: { state: RunState }) {
  if (state.status === 'idle') return <span className="text-slate-500">Ctrl/⌘-Enter runs the query.</span>;
  if (state.status === 'running') {
    return (
      <span role="status" data-testid="run-status" className="text-slate-700">
        Running… <Elapsed since={state.startedAt ?? 0} />
        {state.rows.length > 0 && ` · ${count(state.rows.length)} so far`}
      </span>
    );
  }
  if (state.status === 'cancelled') {
    return (
      <span role="status" data-testid="run-status" className="text-amber-700">
        Cancelled{state.elapsedMs !== undefined ? ` after ${seconds(state.elapsedMs)}` : ''}
        {state.rows.length > 0 ? `; showing the ${count(state.rows.length)} received` : ''}.
      </span>
    );
  }
  if (state.status === 'error') {
    return (
      <span role="status" data-testid="run-status" className="text-red-700">
        Failed{state.elapsedMs !== undefined ? ` after ${seconds(state.elapsedMs)}` : ''}
        {state.rows.length > 0 ? `; showing the ${count(state.rows.length)} received before the failure` : ''}.
      </span>
    );
  }
  return (
    <span role="status" data-testid="run-status" className="text-slate-700">
      {count(state.rowCount ?? state.rows.length)} in {state.elapsedMs !== undefined ? (state.elapsedMs < 1000 ? `${state.elapsedMs} ms` : seconds(state.elapsedMs)) : '—'}
      {state.truncated && (
        <strong className="ml-2 font-medium text-amber-700" data-testid="truncated-note">
          Truncated: only the first {count(state.rowLimit ?? state.rows.length)} are shown. Add a LIMIT or aggregate to see the rest.
        </strong>
      )}
    </span>
  );
}
