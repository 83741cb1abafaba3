'use client';
// The current run's result: a chart when its shape suits one, the table, and for a
// native query Druid's answer as it came.
import { useMemo } from 'react';
import { ResultsChart } from './results-chart';
import { ResultsTable } from './results-table';
import type { RunState } from './use-query-run';

export function QueryResults({ state }: { state: RunState }) {
  const table = useMemo(() => ({ columns: [...state.columns], rows: state.rows as unknown[][] }), [state.columns, state.rows]);
  if (state.columns.length === 0) {
    return state.status === 'done' ? <p className="text-sm text-slate-600">The query returned no columns.</p> : null;
  }
  const runKey = String(state.startedAt ?? 0);
  return (
    <div className="space-y-3">
      {state.rows.length === 0 && state.status === 'done' ? (
        <p className="text-sm text-slate-600">No rows matched.</p>
      ) : (
        <ResultsChart key={runKey} table={table} />
      )}
      <ResultsTable key={`table-${runKey}`} columns={state.columns} rows={state.rows} fileName={`druid-${state.mode}-result.csv`} />
      {state.nativeResults && (
        <details className="rounded border border-slate-200 bg-white p-2 text-sm">
          <summary className="cursor-pointer text-slate-700">Druid&apos;s answer as JSON</summary>
          <pre className="mt-2 max-h-96 overflow-auto text-xs">{JSON.stringify(state.nativeResults, null, 2)}</pre>
        </details>
      )}
    </div>
  );
}
