'use client';
// Step 2 without Kafka: paste messages or upload a file, one message per line. The text is kept
// in the browser's storage so a reload keeps it; the rest of the wizard uses the same records.
import Link from 'next/link';
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import type { Navigate } from './load-wizard';
import { issueWithFile, loadPasted, PASTE_MAX_CHARS, recordsFromText, savePasted } from './pasted-messages';
import { RecordsView } from './records-view';
import { useKeepRecordsInDraft } from './draft/use-draft-records';
import { publishSampledRecords } from './sampled-records';
import { loadUrl, type LoadUrlState } from './url-state';

export function PasteStep({ state, navigate }: { state: LoadUrlState; navigate: Navigate }) {
  // The wizard renders in the browser only (it reads the URL's search params), so storage is there.
  const [text, setText] = useState(() => (typeof window === 'undefined' ? '' : loadPasted(window.localStorage)));
  const [notice, setNotice] = useState<string>();
  const [fileError, setFileError] = useState<string>();

  const pasted = useMemo(() => recordsFromText(text), [text]);
  useEffect(() => publishSampledRecords(pasted.records.length ? { source: { kind: 'paste' }, records: pasted.records } : undefined), [pasted]);
  useKeepRecordsInDraft({ kind: 'paste' }, pasted.records);

  function update(next: string) {
    setText(next);
    setNotice(savePasted(window.localStorage, next));
  }

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const issue = issueWithFile(file);
    setFileError(issue);
    if (issue) return;
    const content = await file.text();
    if (content.includes('\u0000')) {
      setFileError(`${file.name} contains binary data: upload messages as text, one per line.`);
      return;
    }
    update(content);
  }

  return (
    <section aria-labelledby="paste-step-title" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="paste-step-title" className="text-xl font-semibold">
          Paste or upload messages
        </h2>
        <Link href={loadUrl({ step: 'topic' })} className="text-sm text-brand-700 hover:underline">
          Read a Kafka topic instead
        </Link>
      </div>
      <p className="text-sm text-slate-600">One message per line: JSON, CSV, TSV or any text. Tributary treats them as a sample of the topic you will ingest.</p>
      <label className="block text-sm">
        <span className="sr-only">Messages, one per line</span>
        <textarea
          value={text}
          onChange={(e) => update(e.target.value)}
          rows={10}
          maxLength={PASTE_MAX_CHARS}
          placeholder={'{"time":"2026-01-31T12:00:00Z","user":"ana","latencyMs":42}\n{"time":"2026-01-31T12:00:01Z","user":"bo","latencyMs":17}'}
          className="w-full rounded-md border border-slate-300 bg-white p-3 font-mono text-xs"
          aria-label="Messages, one per line"
        />
      </label>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100">
          Upload a file
          <input type="file" accept=".json,.jsonl,.ndjson,.csv,.tsv,.txt,.log,text/*,application/json" onChange={upload} className="sr-only" />
        </label>
        {text && (
          <button type="button" onClick={() => update('')} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
            Clear
          </button>
        )}
        <span className="text-slate-600" data-testid="pasted-count">
          {pasted.records.length.toLocaleString('en-US')} message{pasted.records.length === 1 ? '' : 's'}
          {pasted.dropped > 0 ? ` (${pasted.dropped.toLocaleString('en-US')} more lines beyond the 10,000-message limit are left out)` : ''}
        </span>
      </div>
      {fileError && (
        <p role="alert" className="text-sm text-red-700">
          {fileError}
        </p>
      )}
      {notice && <p className="text-sm text-amber-800">{notice}</p>}
      {pasted.records.length > 0 && <RecordsView records={pasted.records} find={state.find} onFind={(find) => navigate({ find }, { replace: true })} />}
    </section>
  );
}
