'use client';
// The sample as it streams: records so far against what it can hold, bytes, elapsed time, each
// partition's state, and a cancel button; then the summary of how it ended.
import { useEffect, useState } from 'react';
import type { SampleState } from './use-sample';
import { formatBytes, formatTimestamp } from './format';

export function SampleProgressPanel({ sample }: { sample: SampleState & { cancel: () => void } }) {
  const { status, progress, end, error, start, startedAt } = sample;
  const now = useClock(status === 'running');
  if (status === 'idle') return null;
  // Between events (a slow broker) the clock keeps running, so a wait never looks frozen.
  const elapsedMs = status === 'running' && startedAt && now ? Math.max(progress?.elapsedMs ?? 0, now - startedAt) : (progress?.elapsedMs ?? 0);
  const expected = progress?.expected ?? 0;
  const done = progress?.records ?? 0;
  const percent = expected > 0 ? Math.min(100, Math.round((done / expected) * 100)) : status === 'running' ? 0 : 100;
  const lookup = end?.timestampLookup ?? start?.timestampLookup;
  const warnings = end?.warnings ?? start?.warnings ?? [];
  const failedPartitions = (progress?.partitions ?? []).filter((p) => p.state === 'error');

  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-white p-4" aria-label="Sample progress">
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <span aria-live="polite" className="font-medium" data-testid="sample-status">
          {status === 'running' ? 'Sampling…' : status === 'cancelled' ? 'Cancelled' : status === 'failed' ? 'Sample failed' : 'Sample complete'}
        </span>
        <span className="tabular-nums text-slate-600" data-testid="sample-counts">
          {done.toLocaleString('en-US')}
          {expected > 0 ? ` of ${expected.toLocaleString('en-US')}` : ''} messages · {formatBytes(progress?.bytes ?? 0)} · {(elapsedMs / 1000).toFixed(1)} s
        </span>
        {status === 'running' && (
          <button type="button" onClick={sample.cancel} className="ml-auto rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
            Cancel
          </button>
        )}
      </div>
      <div role="progressbar" aria-label="Messages read" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 overflow-hidden rounded-full bg-slate-100">
        <div className={`h-full transition-[width] ${status === 'failed' ? 'bg-red-500' : status === 'cancelled' ? 'bg-slate-400' : 'bg-brand-500'}`} style={{ width: `${percent}%` }} />
      </div>
      {progress && progress.partitions.length > 1 && (
        <ul className="flex flex-wrap gap-1" aria-label="Partitions">
          {progress.partitions.map((p) => (
            <li
              key={p.partition}
              title={`Partition ${p.partition}: ${p.records} messages, offsets ${p.startOffset}–${p.nextOffset} of ${p.endOffset}${p.error ? ` — ${p.error}` : ''}`}
              className={`rounded px-1.5 py-0.5 font-mono text-xs ${p.state === 'error' ? 'bg-red-100 text-red-800' : p.state === 'reading' ? 'bg-brand-50 text-brand-700' : 'bg-slate-100 text-slate-600'}`}
            >
              p{p.partition}: {p.records}
            </li>
          ))}
        </ul>
      )}
      {end && <p className="text-sm text-slate-700" data-testid="sample-summary">{end.message}</p>}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {failedPartitions.length > 0 && !end && (
        <p className="text-sm text-amber-800">{failedPartitions.map((p) => `Partition ${p.partition}: ${p.error}`).join(' ')}</p>
      )}
      {lookup && (
        <p className="text-xs text-slate-500">
          Started at {formatTimestamp(lookup.timestamp)}. {lookup.note ?? "The broker's ListOffsets by time gave the offsets, checked against the messages' timestamps."}
        </p>
      )}
      {warnings.map((w) => (
        <p key={w} className="text-xs text-amber-800">
          {w}
        </p>
      ))}
    </div>
  );
}

/** The time, every quarter second while `running`; undefined otherwise. */
function useClock(running: boolean): number | undefined {
  const [now, setNow] = useState<number>();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  return running ? now : undefined;
}
