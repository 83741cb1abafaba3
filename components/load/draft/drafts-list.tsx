'use client';
// The drafts kept in this browser, on the Load page: resume, rename, delete. A draft that
// cannot be opened is listed with the reason and its stored text to download.
import Link from 'next/link';
import { useState } from 'react';
import { LOAD_STEPS, loadUrl, type LoadStepId } from '../url-state';
import type { LoadDraft } from './draft';
import { deleteDraft, renameDraft, useDraftList, type DraftListItem } from './draft-store';

export function resumeUrl(draft: LoadDraft): string {
  const known = LOAD_STEPS.some((s) => s.id === draft.step);
  const step = (known ? draft.step : draft.source.kind === 'edit' ? 'review' : 'sample') as LoadStepId;
  switch (draft.source.kind) {
    case 'kafka':
      return loadUrl({ step, topic: draft.source.topic });
    case 'paste':
      return loadUrl({ step, source: 'paste' });
    case 'edit':
      return loadUrl({ step: 'review', topic: draft.source.topic || undefined, draft: draft.id });
  }
}

function describeSource(draft: LoadDraft): string {
  switch (draft.source.kind) {
    case 'kafka':
      return `topic ${draft.source.topic}`;
    case 'paste':
      return 'pasted messages';
    case 'edit':
      return `changes to supervisor ${draft.source.supervisorId}`;
  }
}

export function DraftsList() {
  const items = useDraftList();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="drafts-title" className="space-y-3">
      <h2 id="drafts-title" className="text-lg font-semibold">
        Drafts in this browser
      </h2>
      <ul aria-label="Drafts" className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
        {items.map((item) => (item.draft ? <DraftRow key={item.id} draft={item.draft} /> : <UnreadableRow key={item.id} item={item} />))}
      </ul>
    </section>
  );
}

function DraftRow({ draft }: { draft: LoadDraft }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(draft.name);
  const [confirming, setConfirming] = useState(false);
  const step = LOAD_STEPS.find((s) => s.id === draft.step)?.label;
  return (
    <li aria-label={`Draft ${draft.name}`} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
      <div className="min-w-0 space-y-0.5">
        {renaming ? (
          <form
            className="flex gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              renameDraft(draft.id, name);
              setRenaming(false);
            }}
          >
            <input aria-label="Draft name" value={name} onChange={(e) => setName(e.target.value)} className="rounded border border-slate-300 px-2 py-1" autoFocus />
            <button type="submit" disabled={!name.trim()} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-50">
              Save name
            </button>
          </form>
        ) : (
          <p className="font-medium">{draft.name}</p>
        )}
        <p className="text-slate-600">
          {describeSource(draft)}
          {draft.recordCount ? ` · ${draft.recordCount.toLocaleString('en-US')} messages` : ''}
          {step ? ` · at “${step}”` : ''}
          {draft.submitted ? ` · submitted as ${draft.submitted.supervisorId}` : ''} · saved {new Date(draft.updatedAt).toLocaleString()}
        </p>
      </div>
      <div className="flex gap-2">
        <Link href={resumeUrl(draft)} className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
          Resume
        </Link>
        {!renaming && (
          <button type="button" onClick={() => setRenaming(true)} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
            Rename
          </button>
        )}
        {confirming ? (
          <>
            <button type="button" onClick={() => deleteDraft(draft.id)} className="rounded-md bg-red-600 px-3 py-1.5 font-medium text-white hover:bg-red-700">
              Delete for good
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
              Keep
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
            Delete
          </button>
        )}
      </div>
    </li>
  );
}

function UnreadableRow({ item }: { item: DraftListItem }) {
  const href = `data:application/json;charset=utf-8,${encodeURIComponent(item.raw ?? '')}`;
  return (
    <li aria-label="Unreadable draft" className="flex flex-wrap items-center justify-between gap-3 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="min-w-0">{item.problem}</p>
      <div className="flex gap-2">
        <a href={href} download={`${item.id.replace(/[^\w.-]+/g, '_')}.json`} className="rounded-md border border-amber-400 px-3 py-1.5 hover:bg-amber-100">
          Download its text
        </a>
        <button type="button" onClick={() => deleteDraft(item.id)} className="rounded-md border border-amber-400 px-3 py-1.5 hover:bg-amber-100">
          Delete
        </button>
      </div>
    </li>
  );
}
