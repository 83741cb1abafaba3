'use client';
// What the Parse, Time and Schema steps share: the states before a plan exists (no sample,
// inferring, failed), re-inferring with a confirmation, warnings, and the way on.
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import type { Warning } from '@/lib/infer';
import type { Navigate } from '../load-wizard';
import type { SchemaPlanState } from '../use-schema-plan';
import { loadUrl, type LoadStepId, type LoadUrlState } from '../url-state';

interface StepFrameProps {
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  readonly schema: SchemaPlanState;
  readonly state: LoadUrlState;
  readonly navigate: Navigate;
  readonly next: { readonly label: string; readonly step: LoadStepId };
  readonly children: ReactNode;
}

export function StepFrame({ id, title, intro, schema, state, navigate, next, children }: StepFrameProps) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id={`${id}-title`} className="text-xl font-semibold">
          {title}
        </h2>
        {schema.status === 'ready' && <ReinferButton onConfirm={schema.reinfer} />}
      </div>
      <p className="text-sm text-slate-600">{intro}</p>
      {schema.status === 'no-records' && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          There is no sample to work on yet.{' '}
          <Link href={loadUrl({ ...state, step: 'sample' })} className="underline">
            Sample the topic or paste messages first
          </Link>
          .
        </div>
      )}
      {schema.status === 'loading-records' && <p className="text-sm text-slate-500" role="status">Reading the draft&apos;s sample back…</p>}
      {schema.status === 'inferring' && <p className="text-sm text-slate-500" role="status">Inferring the schema from {schema.records?.length.toLocaleString('en-US')} messages…</p>}
      {schema.status === 'failed' && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          Inference failed: {schema.error}
        </div>
      )}
      {schema.status === 'ready' && (
        <>
          {children}
          <div className="flex justify-end">
            <button type="button" onClick={() => navigate({ step: next.step })} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {next.label}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function ReinferButton({ onConfirm }: { onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
        Re-infer
      </button>
    );
  }
  return (
    <div role="group" aria-label="Confirm re-infer" className="flex flex-wrap items-center gap-2 text-sm">
      <span>Replace your edits with inference&apos;s suggestions?</span>
      <button type="button" onClick={() => { onConfirm(); setAsking(false); }} className="rounded-md bg-red-600 px-3 py-1.5 font-medium text-white hover:bg-red-700">
        Replace my edits
      </button>
      <button type="button" onClick={() => setAsking(false)} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
        Keep them
      </button>
    </div>
  );
}

export function WarningList({ warnings, codes }: { warnings: readonly Warning[]; codes?: readonly string[] }) {
  const shown = codes ? warnings.filter((w) => codes.includes(w.code)) : warnings;
  if (shown.length === 0) return null;
  return (
    <ul aria-label="Warnings" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      {shown.map((w, i) => (
        <li key={`${w.code}-${w.column ?? ''}-${i}`}>{w.message}.</li>
      ))}
    </ul>
  );
}
