'use client';
// Runs one streamed sample at a time: records and progress as they arrive, cancel, and a clear
// message when it fails. A new request (or leaving the page) cancels the one before.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SampleEvent, SampleProgress, SampleRecord, SampleRequestInput } from '@/lib/kafka/schemas';
import { streamSample } from './api';

type EndEvent = Extract<SampleEvent, { type: 'end' }>;
type StartEvent = Extract<SampleEvent, { type: 'start' }>;

export interface SampleState {
  readonly status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  readonly records: SampleRecord[];
  readonly progress?: SampleProgress;
  readonly start?: StartEvent;
  readonly end?: EndEvent;
  readonly error?: string;
  /** When this browser asked for the sample, for a clock that runs between events. */
  readonly startedAt?: number;
}

const IDLE: SampleState = { status: 'idle', records: [] };

export function useSample(topic: string | undefined, request: SampleRequestInput | undefined) {
  const [runs, setRuns] = useState(0);
  const requestKey = request ? JSON.stringify(request) : undefined;
  const runKey = topic && requestKey ? `${topic}\n${requestKey}\n${runs}` : undefined;
  // State belongs to one run; until the new run reports, it is "running" with nothing read yet.
  const [state, setState] = useState<SampleState & { runKey?: string }>(IDLE);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!topic || !requestKey || !runKey) return;
    const abort = new AbortController();
    controller.current = abort;
    const records: SampleRecord[] = [];
    const startedAt = Date.now();
    const update = (patch: (s: SampleState) => Partial<SampleState>) =>
      setState((s) => {
        const base: SampleState = s.runKey === runKey ? s : { status: 'running', records, startedAt };
        return { ...base, ...patch(base), runKey };
      });
    streamSample(
      topic,
      JSON.parse(requestKey) as SampleRequestInput,
      (event) => {
        if (abort.signal.aborted) return;
        if (event.type === 'start') update(() => ({ start: event, progress: event.progress }));
        // A new array identity per event so the table re-renders; the records themselves are not copied.
        else if (event.type === 'records') {
          records.push(...event.records);
          update(() => ({ records: records.slice(), progress: event.progress }));
        } else if (event.type === 'end') {
          update(() => ({ status: event.reason === 'cancelled' ? 'cancelled' : 'done', end: event, progress: event.progress, records: records.slice() }));
        } else update(() => ({ status: 'failed', error: event.error.message }));
      },
      abort.signal,
    ).catch((error: Error) => {
      if (!abort.signal.aborted) update(() => ({ status: 'failed', error: error.message }));
    });
    return () => abort.abort();
  }, [topic, requestKey, runKey]);

  const cancel = useCallback(() => {
    controller.current?.abort();
    setState((s) => ({ ...(s.runKey === runKey ? s : { records: [] }), status: 'cancelled', runKey }));
  }, [runKey]);
  const rerun = useCallback(() => setRuns((n) => n + 1), []);
  const current: SampleState = !runKey ? IDLE : state.runKey === runKey ? state : { status: 'running', records: [] };
  return { ...current, cancel, rerun };
}
