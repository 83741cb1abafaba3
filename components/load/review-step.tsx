'use client';
// The last step: the spec the wizard built, editable as JSON and validated live, the supervisor
// settings, the diff against a running supervisor, and submit.
import Link from 'next/link';
import { defaultDraftName, type DraftSource } from './draft/draft';
import type { Navigate } from './load-wizard';
import { ReviewDraft } from './review/review-draft';
import { draftIdOf, loadUrl, type LoadUrlState } from './url-state';

function sourceOf(state: LoadUrlState): DraftSource | undefined {
  if (state.draft?.startsWith('edit:')) return { kind: 'edit', supervisorId: state.draft.slice('edit:'.length), topic: state.topic ?? '' };
  if (state.source === 'paste') return { kind: 'paste' };
  return state.topic ? { kind: 'kafka', topic: state.topic } : undefined;
}

export function ReviewStep({ state }: { state: LoadUrlState; navigate: Navigate }) {
  const id = draftIdOf(state);
  const source = sourceOf(state);
  if (!id || !source) {
    return (
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        There is nothing to review yet.{' '}
        <Link href={loadUrl({ step: 'topic' })} className="underline">
          Choose a topic
        </Link>{' '}
        or resume a draft.
      </div>
    );
  }
  return <ReviewDraft key={id} id={id} init={{ name: defaultDraftName(source), source }} state={state} />;
}
