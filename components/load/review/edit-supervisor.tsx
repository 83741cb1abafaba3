'use client';
// Opens a running supervisor's spec in the wizard: its spec becomes an "edit:<id>" draft (the
// JSON keeps every field, the form shows those it maps) and the review step takes over.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { supervisorQuery } from '@/components/supervisors/api';
import { ApiRequestError } from '@/components/ui/fetch-json';
import { importStoredSpec, specToJson, type SupervisorSpec } from '@/lib/spec';
import { defaultDraftName, draftIdFor, type DraftSource } from '../draft/draft';
import { readDraft, updateDraft } from '../draft/draft-store';
import { loadUrl } from '../url-state';
import { ioFromSpec } from './review-model';

function openInWizard(id: string, spec: SupervisorSpec, running: unknown): string {
  const source: DraftSource = { kind: 'edit', supervisorId: id, topic: spec.spec.ioConfig.topic ?? '' };
  const draftId = draftIdFor(source);
  updateDraft(draftId, { name: defaultDraftName(source), source }, { source, baseSpec: running, specText: specToJson(spec), io: ioFromSpec(spec), step: 'review', submitted: undefined });
  return loadUrl({ step: 'review', topic: source.topic || undefined, draft: draftId });
}

export function EditSupervisor({ id }: { id: string }) {
  const router = useRouter();
  const detail = useQuery({ ...supervisorQuery(id), refetchInterval: false });
  const [existing] = useState(() => readDraft(draftIdFor({ kind: 'edit', supervisorId: id, topic: '' })));
  const running = detail.data?.spec;
  const spec = running ? importStoredSpec(running).spec : undefined;
  const startOver = useCallback(() => {
    if (spec) router.replace(openInWizard(id, spec, running));
  }, [id, spec, running, router]);

  useEffect(() => {
    if (!existing && spec) startOver();
  }, [existing, spec, startOver]);

  if (detail.isError) {
    const gone = detail.error instanceof ApiRequestError && detail.error.status === 404;
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
        {gone ? `There is no supervisor "${id}" to edit.` : `The supervisor's spec could not be read: ${detail.error.message}`}{' '}
        <Link href="/supervisors" className="underline">
          See all supervisors
        </Link>
      </div>
    );
  }
  if (detail.data && !spec) {
    return (
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
        Druid did not return a readable Kafka spec for {id}, so it cannot be edited here. {detail.data.problems.join(' ')}
      </div>
    );
  }
  if (existing && spec) {
    return (
      <div className="space-y-3 rounded-md border border-slate-200 bg-white p-4 text-sm">
        <p>You have a draft of changes to {id}, saved {new Date(existing.updatedAt).toLocaleString()}.</p>
        <div className="flex gap-2">
          <Link href={loadUrl({ step: 'review', topic: spec.spec.ioConfig.topic ?? undefined, draft: existing.id })} className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
            Continue the draft
          </Link>
          <button type="button" onClick={startOver} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
            Start over from the running spec
          </button>
        </div>
      </div>
    );
  }
  return <p role="status" className="text-sm text-slate-500">Reading the spec of {id}…</p>;
}
