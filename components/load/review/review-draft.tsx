'use client';
// The review of one draft: settings, JSON editor with its problems, diff, check with Druid, submit.
import type { EditorView } from '@uiw/react-codemirror';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRef, useState } from 'react';
import type { Issue } from '@/lib/spec';
import type { DraftSource } from '../draft/draft';
import { loadUrl, type LoadUrlState } from '../url-state';
import { DruidCheck } from './druid-check';
import { IoSettings } from './io-settings';
import { IssuesList } from './issues-list';
import { KafkaLoginNote } from './kafka-login-note';
import { rangeOfPath } from './spec-ranges';
import { SpecDiffPanel } from './spec-diff-panel';
import { SubmitPanel } from './submit-panel';
import { useReview } from './use-review';

const SpecEditor = dynamic(() => import('./spec-editor'), { ssr: false, loading: () => <p className="text-sm text-slate-500">Loading the editor…</p> });

function Notice({ tone, children }: { tone: 'amber' | 'red' | 'slate'; children: React.ReactNode }) {
  const colors = { amber: 'border-amber-300 bg-amber-50 text-amber-900', red: 'border-red-300 bg-red-50 text-red-800', slate: 'border-slate-200 bg-slate-50 text-slate-700' }[tone];
  return (
    <div role={tone === 'slate' ? 'note' : 'alert'} className={`rounded-md border px-4 py-3 text-sm ${colors}`}>
      {children}
    </div>
  );
}

export function ReviewDraft({ id, init, state }: { id: string; init: { name: string; source: DraftSource }; state: LoadUrlState }) {
  const review = useReview(id, init);
  const { draft, status, schema, result, text } = review;
  const view = useRef<EditorView | null>(null);
  const [confirmRebuild, setConfirmRebuild] = useState(false);

  function jump(issue: Issue | 'parse-error') {
    if (!view.current || text === undefined) return;
    const range = issue === 'parse-error' ? { from: result?.parseError?.offset ?? 0, to: (result?.parseError?.offset ?? 0) + 1 } : rangeOfPath(text, issue.path);
    const end = Math.min(range.to, text.length);
    view.current.dispatch({ selection: { anchor: Math.min(range.from, end), head: end }, scrollIntoView: true });
    view.current.focus();
  }

  const editing = draft?.source.kind === 'edit';
  return (
    <section aria-labelledby="review-step-title" className="space-y-5">
      <h2 id="review-step-title" className="text-xl font-semibold">
        {editing ? `Edit supervisor ${draft?.source.kind === 'edit' ? draft.source.supervisorId : ''}` : 'Review and submit'}
      </h2>
      {status.problem && <Notice tone="red">{status.problem} It is listed with its text under “Drafts in this browser” on the first step.</Notice>}
      {status.storageProblem && <Notice tone="amber">{status.storageProblem}</Notice>}
      {status.recordsProblem && <Notice tone="amber">{status.recordsProblem}</Notice>}
      {!draft?.specText && schema.status === 'none' && !editing && (
        <Notice tone="amber">
          There is no schema to build a spec from yet.{' '}
          <Link href={loadUrl({ ...state, step: draft?.recordCount ? 'schema' : 'sample' })} className="underline">
            {draft?.recordCount ? 'Review the schema first' : 'Sample the topic first'}
          </Link>
          .
        </Notice>
      )}
      {editing && review.unmapped.length > 0 && (
        <Notice tone="slate">The form has no place for {review.unmapped.join(', ')}: the JSON below keeps them as the running supervisor has them.</Notice>
      )}
      {draft && <IoSettings values={review.values} onChange={review.changeIo} messagesInTopic={review.topicDetail?.messages} partitionCount={review.partitionCount} asksTopic={draft.source.kind === 'paste'} />}

      {text !== undefined && result && (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="font-semibold">Supervisor spec</h3>
            {draft?.specText !== undefined && review.generated?.text !== undefined && (
              <div className="flex items-center gap-2 text-sm">
                <span className="text-slate-600">Edited by hand; the settings above and schema changes in the earlier steps still reach it.</span>
                {confirmRebuild ? (
                  <>
                    <button type="button" onClick={() => { review.update({ specText: undefined }); setConfirmRebuild(false); }} className="rounded-md bg-red-600 px-3 py-1 text-white">
                      Discard my JSON edits
                    </button>
                    <button type="button" onClick={() => setConfirmRebuild(false)} className="rounded-md border border-slate-300 px-3 py-1">
                      Keep them
                    </button>
                  </>
                ) : (
                  <button type="button" onClick={() => setConfirmRebuild(true)} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">
                    Rebuild from the wizard
                  </button>
                )}
              </div>
            )}
          </div>
          <SpecEditor text={text} check={review.check} onChange={review.changeText} onView={(v) => (view.current = v)} />
          <IssuesList check={result} onJump={jump} />
          {result.spec && <KafkaLoginNote security={review.defaults?.kafkaSecurity} spec={result.spec} />}
        </div>
      )}

      {result?.spec && review.runningSpec && review.supervisorId && <SpecDiffPanel supervisorId={review.supervisorId} running={review.runningSpec} spec={result.spec} />}
      {result?.spec && !result.parseError && <DruidCheck spec={result.spec} schema={schema} records={draft?.records} />}

      <SubmitPanel
        spec={result?.spec}
        blocked={review.blocked}
        overlordUrl={review.defaults?.overlordUrl}
        updates={review.runningSpec ? review.supervisorId : undefined}
        onSubmitted={(supervisorId) => review.update({ submitted: { at: Date.now(), supervisorId } })}
      />
    </section>
  );
}
