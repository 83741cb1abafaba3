'use client';
// Beside the editor: the datasources and their columns (click to insert), example
// queries, and the history of runs (click to restore).
import { useState } from 'react';
import { EXAMPLE_QUERIES, type ExampleQuery } from '@/lib/query/examples';
import { historyTitle, type HistoryEntry, type QueryMode } from '@/lib/query/history';
import type { DatasourceColumns } from './use-datasource-columns';

type Tab = 'datasources' | 'examples' | 'history';

export interface SidePanelProps {
  readonly columns: { data?: DatasourceColumns; error?: Error | null; isPending: boolean; refetch: () => void };
  readonly openDatasource?: string;
  readonly onOpenDatasource: (name: string | undefined) => void;
  readonly onInsert: (text: string) => void;
  readonly onExample: (example: ExampleQuery) => void;
  readonly history: readonly HistoryEntry[];
  readonly onRestore: (entry: HistoryEntry) => void;
  readonly mode: QueryMode;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function SidePanel(props: SidePanelProps) {
  const [tab, setTab] = useState<Tab>('datasources');
  return (
    <aside className="flex min-w-0 flex-col rounded border border-slate-200 bg-white text-sm" aria-label="Query helpers">
      <div role="tablist" className="flex border-b border-slate-200">
        {(['datasources', 'examples', 'history'] as const).map((name) => (
          <button
            key={name}
            role="tab"
            type="button"
            aria-selected={tab === name}
            className={`flex-1 px-2 py-1.5 capitalize ${tab === name ? 'border-b-2 border-sky-600 font-medium' : 'text-slate-600'}`}
            onClick={() => setTab(name)}
          >
            {name}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="max-h-[640px] overflow-auto p-2">
        {tab === 'datasources' && <Datasources {...props} />}
        {tab === 'examples' && (
          <ul className="space-y-1">
            {EXAMPLE_QUERIES.map((example) => (
              <li key={`${example.mode}-${example.title}`}>
                <button type="button" className="w-full rounded px-2 py-1 text-left hover:bg-slate-100" onClick={() => props.onExample(example)}>
                  <span className="mr-1 rounded bg-slate-100 px-1 text-xs uppercase text-slate-600">{example.mode === 'sql' ? 'SQL' : 'JSON'}</span>
                  {example.title}
                </button>
              </li>
            ))}
          </ul>
        )}
        {tab === 'history' &&
          (props.history.length === 0 ? (
            <p className="p-2 text-slate-600">Queries you run are listed here, the last 50, kept in this browser.</p>
          ) : (
            <ol className="space-y-1" aria-label="Query history">
              {props.history.map((entry) => (
                <li key={`${entry.mode}-${entry.ranAt}`}>
                  <button type="button" className="w-full rounded px-2 py-1 text-left hover:bg-slate-100" onClick={() => props.onRestore(entry)} title={entry.text}>
                    <span className="block truncate font-mono text-xs">{historyTitle(entry)}</span>
                    <span className="text-xs text-slate-500">
                      {entry.mode === 'sql' ? 'SQL' : 'JSON'} · {new Date(entry.ranAt).toLocaleString()} · {entry.outcome}
                      {entry.rowCount !== undefined ? ` · ${entry.rowCount.toLocaleString('en-US')} ${entry.rowCount === 1 ? 'row' : 'rows'}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          ))}
      </div>
    </aside>
  );
}

function Datasources({ columns, openDatasource, onOpenDatasource, onInsert, mode }: SidePanelProps) {
  if (columns.isPending) return <p className="p-2 text-slate-600">Reading datasources…</p>;
  if (columns.error) {
    return (
      <div role="alert" className="p-2 text-red-700">
        Could not list datasources: {columns.error.message}{' '}
        <button type="button" className="underline" onClick={columns.refetch}>
          Try again
        </button>
      </div>
    );
  }
  const entries = [...(columns.data?.entries() ?? [])];
  if (entries.length === 0) return <p className="p-2 text-slate-600">Druid has no datasources yet. Load a topic to create one.</p>;
  const insert = (name: string) => onInsert(mode === 'sql' ? quoted(name) : JSON.stringify(name));
  return (
    <ul className="space-y-1" aria-label="Datasources">
      {entries.map(([datasource, list]) => {
        const open = openDatasource === datasource;
        return (
          <li key={datasource}>
            <div className="flex items-center gap-1">
              <button type="button" aria-expanded={open} aria-label={`${open ? 'Hide' : 'Show'} columns of ${datasource}`} className="w-5 text-slate-500" onClick={() => onOpenDatasource(open ? undefined : datasource)}>
                {open ? '▾' : '▸'}
              </button>
              <button type="button" className="truncate font-medium hover:underline" title="Insert into the query" onClick={() => insert(datasource)}>
                {datasource}
              </button>
            </div>
            {open && (
              <ul className="ml-6 space-y-0.5" aria-label={`Columns of ${datasource}`}>
                {list.map((column) => (
                  <li key={column.name}>
                    <button type="button" className="flex w-full justify-between gap-2 rounded px-1 hover:bg-slate-100" title="Insert into the query" onClick={() => insert(column.name)}>
                      <span className="truncate font-mono text-xs">{column.name}</span>
                      <span className="text-xs text-slate-500">{column.sqlType}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
