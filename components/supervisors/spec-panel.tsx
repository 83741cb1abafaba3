'use client';
// The running spec: read-only JSON, copy as a curl command, download, or open in the load wizard.
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState } from 'react';
import { REDACTED } from '@/lib/operate';

const SpecViewer = dynamic(() => import('./spec-viewer'), { ssr: false, loading: () => <p className="text-sm text-slate-500">Loading the spec viewer…</p> });

const BUTTON = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100';

export function SpecPanel({ id, spec, curl }: { id: string; spec: Record<string, unknown> | null; curl: string | null }) {
  const [copied, setCopied] = useState<'copied' | 'failed'>();
  if (!spec) return <p className="text-sm text-slate-500">The spec could not be read.</p>;
  const text = JSON.stringify(spec, null, 2);

  const copyCurl = async () => {
    try {
      await navigator.clipboard.writeText(curl ?? '');
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${id}.supervisor-spec.json`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {curl && (
          <button type="button" className={BUTTON} onClick={copyCurl}>
            Copy as curl
          </button>
        )}
        <button type="button" className={BUTTON} onClick={download}>
          Download JSON
        </button>
        <Link href={`/load/edit/${encodeURIComponent(id)}`} className={`${BUTTON} text-brand-700`}>
          Edit in the load wizard
        </Link>
        {copied === 'copied' && (
          <span role="status" className="text-sm text-emerald-700">
            Copied. It posts to the Overlord without credentials; add yours with -u if Druid needs them.
          </span>
        )}
      </div>
      {copied === 'failed' && curl && (
        <div>
          <p className="text-sm text-amber-800">The browser did not allow copying; select the command below instead.</p>
          <textarea readOnly value={curl} rows={6} aria-label="curl command" className="mt-1 w-full rounded border border-slate-300 p-2 font-mono text-xs" />
        </div>
      )}
      {text.includes(REDACTED) && <p className="text-xs text-slate-500">Passwords and other secrets in consumerProperties are hidden here; Druid keeps the real values.</p>}
      <SpecViewer text={text} />
    </div>
  );
}
