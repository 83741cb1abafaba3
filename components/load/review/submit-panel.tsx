'use client';
// Submit (disabled with the reason while the spec has errors; a double click submits once),
// copy as curl, download as JSON. After a submit the page moves to the supervisor's status page;
// a failed submit leaves everything in place and says what Druid said.
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { ApiRequestError } from '@/components/ui/fetch-json';
import { usePermission } from '@/components/access/api';
import { SUBMIT_ROLE } from '@/lib/operate';
import { specToCurl, specToJson, type SupervisorSpec } from '@/lib/spec';
import { useSubmitSpec } from './api';

interface SubmitPanelProps {
  readonly spec?: SupervisorSpec;
  /** Why submitting is not possible now, in words; undefined when it is. */
  readonly blocked?: string;
  readonly overlordUrl?: string;
  /** The supervisor this spec replaces, when one runs. */
  readonly updates?: string;
  readonly onSubmitted: (supervisorId: string) => void;
}

function issuesOf(details: unknown): { path: string; message: string }[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? issues.filter((i): i is { path: string; message: string } => typeof i?.path === 'string' && typeof i?.message === 'string') : [];
}

export function SubmitPanel({ spec, blocked, overlordUrl, updates, onSubmitted }: SubmitPanelProps) {
  const router = useRouter();
  const submit = useSubmitSpec();
  const inFlight = useRef(false);
  const [copied, setCopied] = useState<string>();
  const suspended = spec?.suspended === true;
  const may = usePermission(SUBMIT_ROLE, updates ? `Updating supervisor ${updates}` : 'Submitting a supervisor');
  const disabled = Boolean(blocked) || !spec || !may.allowed || submit.isPending || submit.isSuccess;

  function send() {
    if (!spec || blocked || !may.allowed || inFlight.current) return;
    inFlight.current = true;
    submit.mutate(
      { spec, suspended },
      {
        onSuccess: (result) => {
          onSubmitted(result.id);
          router.push(`/supervisors/${encodeURIComponent(result.id)}`);
        },
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  }

  async function copyCurl() {
    if (!spec || !overlordUrl) return;
    const command = specToCurl(spec, overlordUrl);
    try {
      await navigator.clipboard.writeText(command);
      setCopied('Copied the curl command.');
    } catch {
      setCopied('The browser refused the clipboard: the command is shown below to copy by hand.');
    }
  }

  const error = submit.error;
  const label = submit.isPending ? 'Submitting…' : updates ? `Update supervisor ${updates}` : suspended ? 'Submit suspended' : 'Submit';
  return (
    <section aria-label="Submit" className="space-y-3">
      {may.reason && (
        <p className="text-sm text-slate-600" data-testid="submit-refused">
          {may.reason}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={send} disabled={disabled} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-50">
          {label}
        </button>
        <button type="button" onClick={copyCurl} disabled={!spec || !overlordUrl} className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100 disabled:opacity-50">
          Copy as curl
        </button>
        {spec && (
          <a
            href={`data:application/json;charset=utf-8,${encodeURIComponent(specToJson(spec))}`}
            download={`${spec.spec.dataSchema.dataSource || 'supervisor'}-spec.json`}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100"
          >
            Download JSON
          </a>
        )}
      </div>
      {blocked && (
        <p data-testid="submit-blocked" className="text-sm text-slate-700">
          {blocked}
        </p>
      )}
      {copied && <p role="status" className="text-sm text-slate-700">{copied}</p>}
      {copied?.startsWith('The browser refused') && spec && overlordUrl && (
        <pre aria-label="curl command" className="max-h-64 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          {specToCurl(spec, overlordUrl)}
        </pre>
      )}
      {submit.isSuccess && <p role="status" className="text-sm text-emerald-700">{submit.data.message} Opening its status page…</p>}
      {error && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p>{error.message}</p>
          {error instanceof ApiRequestError && issuesOf(error.details).length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {issuesOf(error.details).map((i) => (
                <li key={`${i.path}-${i.message}`}>
                  <code>{i.path}</code>: {i.message}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-1 text-red-700">Nothing you entered was lost: fix the spec and submit again.</p>
        </div>
      )}
    </section>
  );
}
