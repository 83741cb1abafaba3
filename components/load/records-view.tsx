'use client';
// The sampled records: a paged table with Kafka metadata (10,000 rows never render at once),
// search within the sample, and each record's value raw or pretty.
import { useDeferredValue, useMemo, useState } from 'react';
import type { SampleRecord } from '@/lib/kafka/schemas';
import { formatBytes, formatTimestamp } from './format';
import { matchesFind, prettyValue, previewValue } from './record-text';

const PAGE_SIZE = 50;

export function RecordsView({ records, find, onFind }: { records: SampleRecord[]; find: string; onFind: (find: string) => void }) {
  const [text, setText] = useState(find);
  const deferred = useDeferredValue(text);
  const [page, setPage] = useState(0);
  const [view, setView] = useState<'pretty' | 'raw'>('pretty');
  const [open, setOpen] = useState<string | null>(null);
  const kafka = records.some((r) => r.partition !== null);

  const matching = useMemo(() => records.filter((r) => matchesFind(r, deferred)), [records, deferred]);
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const rows = matching.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex-1 text-sm">
          <span className="sr-only">Search within the sample</span>
          <input
            type="search"
            value={text}
            placeholder="Search within the sample (text, key, header, or partition:offset)"
            onChange={(e) => {
              setText(e.target.value);
              setPage(0);
              onFind(e.target.value);
            }}
            className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
        </label>
        <div role="group" aria-label="Value view" className="flex overflow-hidden rounded-md border border-slate-300 text-sm">
          {(['pretty', 'raw'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)} className={`px-3 py-1 ${view === v ? 'bg-slate-800 text-white' : 'bg-white hover:bg-slate-100'}`}>
              {v === 'pretty' ? 'Pretty' : 'Raw'}
            </button>
          ))}
        </div>
        <span className="text-sm tabular-nums text-slate-600" data-testid="records-shown">
          {matching.length === records.length
            ? `${records.length.toLocaleString('en-US')} message${records.length === 1 ? '' : 's'}`
            : `${matching.length.toLocaleString('en-US')} of ${records.length.toLocaleString('en-US')} messages match`}
        </span>
      </div>

      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
        <table className="min-w-full table-fixed text-sm" aria-label="Sampled messages">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {kafka && <th className="w-20 px-3 py-2">Partition</th>}
              {kafka && <th className="w-28 px-3 py-2">Offset</th>}
              {kafka && <th className="w-56 px-3 py-2">Timestamp</th>}
              {kafka && <th className="w-32 px-3 py-2">Key</th>}
              <th className="px-3 py-2">Value</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 font-mono text-xs">
            {rows.map((r, i) => {
              const id = r.partition === null ? `line-${current * PAGE_SIZE + i}` : `${r.partition}:${r.offset}`;
              const expanded = open === id;
              return (
                <RecordRow key={id} record={r} kafka={kafka} expanded={expanded} view={view} onToggle={() => setOpen(expanded ? null : id)} />
              );
            })}
          </tbody>
        </table>
        {matching.length === 0 && <p className="px-3 py-4 text-sm text-slate-500">No message in the sample contains “{deferred}”.</p>}
      </div>

      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-2 text-sm">
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40">
            Previous
          </button>
          <span className="tabular-nums">
            Page {current + 1} of {pages}
          </span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40">
            Next
          </button>
        </nav>
      )}
    </div>
  );
}

function RecordRow({ record: r, kafka, expanded, view, onToggle }: { record: SampleRecord; kafka: boolean; expanded: boolean; view: 'pretty' | 'raw'; onToggle: () => void }) {
  return (
    <>
      <tr onClick={onToggle} className={`cursor-pointer align-top hover:bg-brand-50 ${expanded ? 'bg-brand-50' : ''}`} aria-expanded={expanded}>
        {kafka && <td className="px-3 py-1.5">{r.partition}</td>}
        {kafka && <td className="px-3 py-1.5">{r.offset}</td>}
        {kafka && <td className="px-3 py-1.5" title={r.timestampType === 'log-append' ? 'Broker append time' : 'Producer create time'}>{formatTimestamp(r.timestamp)}</td>}
        {kafka && <td className="truncate px-3 py-1.5">{r.key ?? <span className="text-slate-400">null</span>}</td>}
        <td className="truncate px-3 py-1.5">
          {r.valueEncoding === 'base64' && <span className="mr-2 rounded bg-amber-100 px-1 text-amber-800">binary</span>}
          {r.valueTruncated && <span className="mr-2 rounded bg-amber-100 px-1 text-amber-800">{formatBytes(r.valueSize)}, cut</span>}
          {previewValue(r)}
        </td>
      </tr>
      {expanded && (
        <tr>
          <td colSpan={kafka ? 5 : 1} className="bg-slate-50 px-3 py-2">
            <RecordDetail record={r} view={view} />
          </td>
        </tr>
      )}
    </>
  );
}

function RecordDetail({ record: r, view }: { record: SampleRecord; view: 'pretty' | 'raw' }) {
  return (
    <div className="space-y-2">
      {r.valueEncoding === 'base64' && <p className="font-sans text-xs text-amber-800">This value is not valid UTF-8 text; it is shown as base64.</p>}
      {r.valueTruncated && (
        <p className="font-sans text-xs text-amber-800">
          This value is {formatBytes(r.valueSize)}; only the first {formatBytes(64 * 1024)} are shown.
        </p>
      )}
      <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded border border-slate-200 bg-white p-2" data-testid="record-value">
        {view === 'pretty' ? prettyValue(r) : (r.value ?? 'null')}
      </pre>
      {r.headers.length > 0 && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-xs">
          {r.headers.map((h, i) => (
            <div key={`${h.key}-${i}`} className="contents">
              <dt className="text-slate-500">{h.key}</dt>
              <dd>{h.value ?? 'null'}{h.encoding === 'base64' ? ' (base64)' : ''}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
