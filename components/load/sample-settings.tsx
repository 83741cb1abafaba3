'use client';
// Where the sample starts (earliest, latest, a time, or offsets per partition) and how many
// messages it reads. Submitting writes the settings to the URL, which starts the sample.
import { useState, type FormEvent } from 'react';
import { SAMPLE_LIMIT_MAX } from '@/lib/kafka/schemas';
import type { Navigate } from './load-wizard';
import { loadUrl, parseLoadUrl, SAMPLE_FROM, type LoadUrlState, type SampleFromChoice } from './url-state';

const LABELS: Record<SampleFromChoice, string> = {
  earliest: 'From earliest',
  latest: 'Latest messages',
  timestamp: 'From a time',
  offsets: 'From offsets',
};

/** datetime-local works in wall-clock text; the wizard speaks UTC like Kafka and Druid do. */
const toInputTime = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const fromInputTime = (text: string) => Date.parse(`${text.length === 16 ? `${text}:00` : text}Z`);

export function SampleSettings({ state, running, navigate, onSameSettings }: { state: LoadUrlState; running: boolean; navigate: Navigate; onSameSettings: () => void }) {
  const [from, setFrom] = useState<SampleFromChoice>(state.from);
  const [time, setTime] = useState(() => toInputTime(state.at ?? Date.now() - 3_600_000));
  const [offsets, setOffsets] = useState(state.offsets ? Object.entries(state.offsets).map(([p, o]) => `${p}:${o}`).join(',') : '');
  const [limit, setLimit] = useState(String(state.limit));
  const [error, setError] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams({ from, limit: limit.trim() });
    if (from === 'timestamp') {
      const ms = fromInputTime(time);
      params.set('at', Number.isNaN(ms) ? time : new Date(ms).toISOString());
    }
    if (from === 'offsets') params.set('offsets', offsets);
    const { state: next, problems } = parseLoadUrl(params);
    const wrong = problems.find((p) => !p.startsWith('Sampling from'));
    if (wrong) {
      setError(wrong.replace("The link's", 'The').replace('; it was ignored.', '.'));
      return;
    }
    if (from === 'timestamp' && next.at === undefined) return setError('Choose the time to sample from.');
    if (from === 'offsets' && next.offsets === undefined) return setError('Enter partition:offset pairs such as 0:100,1:250.');
    setError(undefined);
    const patch = { from, at: next.at, offsets: next.offsets, limit: next.limit };
    if (loadUrl({ ...state, ...patch }) === loadUrl(state)) onSameSettings();
    else navigate(patch);
  }

  return (
    <form onSubmit={submit} aria-label="Sample settings" className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
      <fieldset className="flex flex-wrap gap-4">
        <legend className="sr-only">Where to start reading</legend>
        {SAMPLE_FROM.map((choice) => (
          <label key={choice} className="flex items-center gap-2 text-sm">
            <input type="radio" name="from" value={choice} checked={from === choice} onChange={() => setFrom(choice)} />
            {LABELS[choice]}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-end gap-4">
        {from === 'timestamp' && (
          <label className="text-sm">
            <span className="block text-slate-600">Time (UTC)</span>
            <input type="datetime-local" step={1} value={time} onChange={(e) => setTime(e.target.value)} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm" />
          </label>
        )}
        {from === 'offsets' && (
          <label className="text-sm">
            <span className="block text-slate-600">Offsets (partition:offset, …)</span>
            <input value={offsets} onChange={(e) => setOffsets(e.target.value)} placeholder="0:100,1:250" className="mt-1 w-64 rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm" />
          </label>
        )}
        <label className="text-sm">
          <span className="block text-slate-600">Messages (at most {SAMPLE_LIMIT_MAX.toLocaleString('en-US')})</span>
          <input inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value)} className="mt-1 w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm tabular-nums" />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {running ? 'Restart sample' : 'Sample'}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
