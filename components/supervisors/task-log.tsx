'use client';
// A task's log: its last 256 KB; a running task's followed live (with a pause), a finished one's
// downloadable whole. When Druid keeps no log for the task, the pane says why.
import { useCallback, useEffect, useRef, useState } from 'react';
import { readTaskLog, taskLogUrl } from './task-api';

/** What the pane keeps of a long follow: the end of the log, as a terminal would. */
const MAX_SHOWN_CHARS = 1_000_000;

type Phase = 'reading' | 'following' | 'paused' | 'ended' | 'empty' | 'failed';

export function TaskLogView({ taskId, running }: { taskId: string; running: boolean }) {
  const [text, setText] = useState('');
  const [phase, setPhase] = useState<Phase>('reading');
  const [error, setError] = useState<string | null>(null);
  const reading = useRef<AbortController | null>(null);
  const pane = useRef<HTMLPreElement>(null);

  const read = useCallback(
    (follow: boolean) => {
      reading.current?.abort();
      const controller = new AbortController();
      reading.current = controller;
      setText('');
      setError(null);
      setPhase(follow ? 'following' : 'reading');
      readTaskLog(taskId, follow, (piece) => setText((shown) => (shown + piece).slice(-MAX_SHOWN_CHARS)), controller.signal).then(
        ({ empty }) => !controller.signal.aborted && setPhase(empty ? 'empty' : 'ended'),
        (failure: Error) => {
          if (controller.signal.aborted) return;
          setError(failure.message);
          setPhase('failed');
        },
      );
    },
    [taskId],
  );

  // Whether to follow is decided when the pane opens: a task that finishes ends its own follow.
  const followAtOpen = useRef(running);
  useEffect(() => {
    read(followAtOpen.current);
    return () => reading.current?.abort();
  }, [read]);

  useEffect(() => {
    if (phase === 'following' && pane.current) pane.current.scrollTop = pane.current.scrollHeight;
  }, [text, phase]);

  const pause = () => {
    reading.current?.abort();
    setPhase('paused');
  };

  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        {phase === 'following' && (
          <span role="status" className="inline-flex items-center gap-1.5 text-emerald-700">
            <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-emerald-500" />
            following
          </span>
        )}
        {phase === 'following' && <button type="button" onClick={pause} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-50">Pause</button>}
        {running && (phase === 'paused' || phase === 'ended') && (
          <button type="button" onClick={() => read(true)} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-50">Follow</button>
        )}
        {phase === 'paused' && <span className="text-slate-500">paused: new lines are not shown</span>}
        {phase === 'ended' && running && <span className="text-slate-500">stopped following: the task finished, or the follow reached its ten minutes</span>}
        {!running && phase !== 'empty' && (
          <a href={taskLogUrl(taskId, { download: '1' })} download={`${taskId}.log`} className="text-sky-700 underline">Download the whole log</a>
        )}
        {phase !== 'empty' && <span className="text-xs text-slate-500">{running ? 'the last 256 KB, then what the task logs' : 'the last 256 KB'}</span>}
      </div>
      {error && <p role="alert" className="text-rose-700">{error}</p>}
      {phase === 'empty' ? (
        <p role="note" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">{text}</p>
      ) : (
        <pre ref={pane} aria-label="Task log" className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded border border-slate-200 bg-slate-950 p-2 font-mono text-xs text-slate-100">
          {text || (phase === 'reading' || phase === 'following' ? 'Reading the log…' : '')}
        </pre>
      )}
    </div>
  );
}
