'use client';
// The result grid: typed columns (numbers right-aligned, big integers exact, __time
// readable), sortable by any column, paged so thousands of rows stay quick, and copy or
// download as CSV.
import { useMemo, useState } from 'react';
import { compareCells, formatCell, type ColumnKind } from '@/lib/query/columns';
import { columnKinds } from '@/lib/query/chart';
import { toCsv } from '@/lib/query/csv';
import type { ResultColumn } from '@/lib/query/schemas';

const PAGE_SIZE = 100;

interface Sort {
  readonly index: number;
  readonly descending: boolean;
}

export function ResultsTable({ columns, rows, fileName }: { columns: readonly ResultColumn[]; rows: readonly unknown[][]; fileName: string }) {
  const [sort, setSort] = useState<Sort>();
  const [page, setPage] = useState(0);
  const [copied, setCopied] = useState<string>();
  const kinds = useMemo(() => columnKinds({ columns: [...columns], rows: rows as unknown[][] }), [columns, rows]);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const kind = kinds[sort.index];
    const ordered = [...rows].sort((a, b) => compareCells(a[sort.index], b[sort.index], kind));
    return sort.descending ? ordered.reverse() : ordered;
  }, [rows, sort, kinds]);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const shownPage = Math.min(page, pages - 1);
  const shown = sorted.slice(shownPage * PAGE_SIZE, (shownPage + 1) * PAGE_SIZE);

  const csv = () => toCsv({ columns: [...columns], rows: sorted as unknown[][] });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(csv());
      setCopied(`Copied ${sorted.length.toLocaleString('en-US')} rows as CSV.`);
    } catch {
      setCopied('The browser did not allow copying; use Download CSV instead.');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([csv()], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <button type="button" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50" onClick={copy}>
          Copy CSV
        </button>
        <button type="button" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50" onClick={download}>
          Download CSV
        </button>
        {copied && <span className="text-slate-600">{copied}</span>}
        {pages > 1 && (
          <span className="ml-auto flex items-center gap-2" aria-label="Result pages">
            <button type="button" className="rounded border px-2 py-0.5 disabled:opacity-40" disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)}>
              Previous
            </button>
            <span>
              Rows {(shownPage * PAGE_SIZE + 1).toLocaleString('en-US')}–{Math.min(sorted.length, (shownPage + 1) * PAGE_SIZE).toLocaleString('en-US')} of{' '}
              {sorted.length.toLocaleString('en-US')}
            </span>
            <button type="button" className="rounded border px-2 py-0.5 disabled:opacity-40" disabled={shownPage >= pages - 1} onClick={() => setPage(shownPage + 1)}>
              Next
            </button>
          </span>
        )}
      </div>
      <div className="max-h-[480px] overflow-auto rounded border border-slate-200">
        <table className="min-w-full border-collapse text-sm" aria-label="Query results">
          <thead className="sticky top-0 bg-slate-100">
            <tr>
              {columns.map((column, i) => (
                <th key={`${column.name}-${i}`} scope="col" aria-sort={sort?.index === i ? (sort.descending ? 'descending' : 'ascending') : 'none'} className={`border-b border-slate-200 px-3 py-1.5 font-medium ${kinds[i] === 'number' ? 'text-right' : 'text-left'}`}>
                  <button type="button" className="inline-flex items-baseline gap-1 hover:underline" onClick={() => setSort(sort?.index === i && !sort.descending ? { index: i, descending: true } : { index: i, descending: false })}>
                    <span>{column.name}</span>{' '}
                    <span className="text-xs font-normal text-slate-500">{column.sqlType ?? column.type ?? ''}</span>
                    {sort?.index === i && <span aria-hidden>{sort.descending ? '▼' : '▲'}</span>}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, r) => (
              <tr key={r} className="odd:bg-white even:bg-slate-50">
                {columns.map((_, i) => (
                  <Cell key={i} value={row[i]} kind={kinds[i]} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Cell({ value, kind }: { value: unknown; kind: ColumnKind }) {
  const isNull = value === null || value === undefined;
  return (
    <td className={`whitespace-nowrap border-b border-slate-100 px-3 py-1 font-mono text-xs ${kind === 'number' ? 'text-right tabular-nums' : ''} ${isNull ? 'text-slate-400 italic' : ''}`}>
      {formatCell(value, kind)}
    </td>
  );
}
