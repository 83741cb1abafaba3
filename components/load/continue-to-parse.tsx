'use client';
// The way on from a sample: once messages are read (or pasted), Parse works on them.
import type { Navigate } from './load-wizard';
import { useSampledRecords } from './sampled-records';
import type { LoadUrlState } from './url-state';

export function ContinueToParse({ state, navigate }: { state: LoadUrlState; navigate: Navigate }) {
  const sampled = useSampledRecords();
  const here = sampled && (sampled.source.kind === 'paste' ? state.source === 'paste' : sampled.source.topic === state.topic);
  if (!here || sampled.records.length === 0) return null;
  return (
    // Sticky: the sampled messages make a long page, and the way on should not hide below them.
    <div className="sticky bottom-4 z-10 flex justify-end">
      <button type="button" onClick={() => navigate({ step: 'parse' })} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-lg hover:bg-brand-700">
        Next: parse {sampled.records.length.toLocaleString('en-US')} messages
      </button>
    </div>
  );
}
