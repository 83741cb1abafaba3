// A table of preview rows (parsed fields, or rows as Druid would store them) and the list of
// messages that could not be read, each with its reason.
import type { RecordIssue } from '@/lib/infer';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function RowsTable({ label, rows, limit = 20, omit = [] }: { label: string; rows: readonly Record<string, unknown>[]; limit?: number; omit?: readonly string[] }) {
  const shown = rows.slice(0, limit);
  const columns = [...new Set(shown.flatMap((r) => Object.keys(r)))].filter((c) => !omit.includes(c));
  if (shown.length === 0) return <p className="text-sm text-slate-500">No rows to show.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table aria-label={label} className="min-w-full text-left text-xs">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className="whitespace-nowrap px-2 py-1.5 font-medium">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 font-mono">
          {shown.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c} className="max-w-xs truncate whitespace-nowrap px-2 py-1" title={cell(row[c])}>
                  {cell(row[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IssueList({ label, issues, total }: { label: string; issues: readonly RecordIssue[]; total: number }) {
  if (total === 0) return null;
  return (
    <div className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <h3 className="font-medium">
        {label}: {total.toLocaleString('en-US')}
      </h3>
      <ul aria-label={label} className="mt-1 max-h-48 space-y-0.5 overflow-y-auto font-mono text-xs">
        {issues.slice(0, 50).map((issue) => (
          <li key={issue.index}>
            message {issue.index + 1}
            {issue.partition !== undefined ? ` (partition ${issue.partition}, offset ${issue.offset})` : ''}: {issue.reason}
          </li>
        ))}
      </ul>
      {total > 50 && <p className="mt-1 text-xs">…and {(total - 50).toLocaleString('en-US')} more.</p>}
    </div>
  );
}
