'use client';
// The spec's problems as a list beside the editor; each one jumps to where it is marked.
import type { Issue } from '@/lib/spec';
import type { TextCheck } from './review-model';

export function IssuesList({ check, onJump }: { check: TextCheck; onJump: (issue: Issue | 'parse-error') => void }) {
  if (check.parseError) {
    return (
      <div role="alert" aria-label="Spec problems" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
        <button type="button" onClick={() => onJump('parse-error')} className="text-left hover:underline">
          The JSON cannot be read: {check.parseError.message}
        </button>
      </div>
    );
  }
  const shown = [...check.errors, ...check.warnings];
  if (shown.length === 0) {
    return (
      <p role="status" aria-label="Spec problems" className="text-sm text-emerald-700">
        No problems found: Druid should accept this spec.
      </p>
    );
  }
  return (
    <ul aria-label="Spec problems" className="space-y-1 rounded-md border border-slate-200 bg-white px-4 py-3 text-sm">
      {shown.map((issue, i) => (
        <li key={`${issue.pathText}-${i}`} className={issue.severity === 'error' ? 'text-red-800' : 'text-amber-800'}>
          <button type="button" onClick={() => onJump(issue)} className="text-left hover:underline">
            <span className="font-medium">{issue.severity === 'error' ? 'Error' : 'Warning'}</span> at <code className="font-mono">{issue.pathText}</code>: {issue.message}
          </button>
        </li>
      ))}
      {check.notes.map((note) => (
        <li key={note} className="text-slate-600">
          {note}
        </li>
      ))}
    </ul>
  );
}
