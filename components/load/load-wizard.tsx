'use client';
// The Load wizard: one component per step, the step and its settings in the URL.
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { DraftsList } from './draft/drafts-list';
import { useRememberStep } from './draft/use-draft-records';
import { ContinueToParse } from './continue-to-parse';
import { ParseStep } from './parse-step';
import { PasteStep } from './paste-step';
import { ReviewStep } from './review-step';
import { SampleStep } from './sample-step';
import { SchemaStep } from './schema-step';
import { TimeStep } from './time-step';
import { TopicStep } from './topic-step';
import { draftIdOf, LOAD_STEPS, loadUrl, parseLoadUrl, type LoadUrlState } from './url-state';

export type Navigate = (patch: Partial<LoadUrlState>, options?: { replace?: boolean }) => void;

export function LoadWizard() {
  const params = useSearchParams();
  const router = useRouter();
  const { state, problems } = useMemo(() => parseLoadUrl(new URLSearchParams(params.toString())), [params]);
  const navigate: Navigate = useCallback(
    (patch, options) => {
      const href = loadUrl({ ...state, ...patch });
      if (options?.replace) router.replace(href, { scroll: false });
      else router.push(href, { scroll: false });
    },
    [router, state],
  );
  useRememberStep(draftIdOf(state), state.step);

  return (
    <div className="space-y-6">
      <StepNav state={state} />
      {problems.length > 0 && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      {state.step === 'topic' && <TopicStep state={state} navigate={navigate} />}
      {state.step === 'topic' && <DraftsList />}
      {state.step === 'sample' && state.source === 'paste' && <PasteStep state={state} navigate={navigate} />}
      {state.step === 'sample' && state.source === 'kafka' && state.topic && <SampleStep topic={state.topic} state={state} navigate={navigate} />}
      {state.step === 'sample' && <ContinueToParse state={state} navigate={navigate} />}
      {state.step === 'parse' && <ParseStep state={state} navigate={navigate} />}
      {state.step === 'time' && <TimeStep state={state} navigate={navigate} />}
      {state.step === 'schema' && <SchemaStep state={state} navigate={navigate} />}
      {state.step === 'review' && <ReviewStep state={state} navigate={navigate} />}
    </div>
  );
}

function StepNav({ state }: { state: LoadUrlState }) {
  const current = LOAD_STEPS.findIndex((s) => s.id === state.step);
  return (
    <nav aria-label="Load steps">
      <ol className="flex flex-wrap gap-2 text-sm">
        {LOAD_STEPS.map((step, i) => {
          const here = i === current;
          const reachable = i <= current;
          const label = `${i + 1}. ${step.label}`;
          return (
            <li key={step.id}>
              {reachable && !here ? (
                <Link href={loadUrl({ ...state, step: step.id })} className="rounded-full border border-slate-300 bg-white px-3 py-1 text-slate-700 hover:bg-slate-100">
                  {label}
                </Link>
              ) : (
                <span aria-current={here ? 'step' : undefined} className={`rounded-full px-3 py-1 ${here ? 'bg-brand-600 text-white' : 'border border-slate-200 text-slate-400'}`}>
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
