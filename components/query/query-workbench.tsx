'use client';
// The Query page: mode switch, editor, Run/Cancel, status, the error in Druid's words,
// chart and table of the result, and the side panel. The mode and the open datasource
// live in the URL; the text and the history in this browser.
import type { EditorView } from '@codemirror/view';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_QUERY, type ExampleQuery } from '@/lib/query/examples';
import { DEFAULT_ROW_LIMIT, MAX_ROW_LIMIT } from '@/lib/query/schemas';
import { parseContextText } from '@/lib/query/context';
import { addToHistory, type HistoryEntry, type QueryMode } from '@/lib/query/history';
import { issueWithSharing, parseQueryUrl, queryUrlSearch } from '@/lib/query/url-state';
import { QueryEditor } from './query-editor';
import { loadContextText, loadHistory, loadText, saveContextText, saveHistory, saveText } from './query-storage';
import { QueryResults } from './query-results';
import { RunStatus } from './run-status';
import { SidePanel } from './side-panel';
import { useDatasourceColumns } from './use-datasource-columns';
import { useQueryRun } from './use-query-run';

export function QueryWorkbench() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const url = useMemo(() => parseQueryUrl(searchParams.toString()), [searchParams]);
  const { mode, datasource } = url;
  // A shared link's query wins over the stored draft once, when the page opens.
  const [texts, setTexts] = useState<Record<QueryMode, string>>(() => {
    const stored = { sql: loadText('sql') ?? DEFAULT_QUERY.sql, native: loadText('native') ?? DEFAULT_QUERY.native };
    if (url.sharedQuery) {
      saveText(url.mode, url.sharedQuery);
      return { ...stored, [url.mode]: url.sharedQuery };
    }
    return stored;
  });
  const [history, setHistory] = useState<HistoryEntry[]>(loadHistory);
  const [ranText, setRanText] = useState<string>();
  const [shareNote, setShareNote] = useState<string>();
  const [rowLimit, setRowLimit] = useState(DEFAULT_ROW_LIMIT);
  const [contextText, setContextText] = useState(loadContextText);
  const [contextOpen, setContextOpen] = useState(() => contextText.trim() !== '');
  const context = useMemo(() => parseContextText(contextText), [contextText]);
  const view = useRef<EditorView | undefined>(undefined);
  const columns = useDatasourceColumns();
  const { state, run, cancel } = useQueryRun();
  const text = texts[mode];

  const navigate = useCallback(
    (next: { mode?: QueryMode; datasource?: string | undefined }) => {
      const merged = { mode: next.mode ?? mode, datasource: 'datasource' in next ? next.datasource : datasource };
      // The History API rather than the router: Next keeps useSearchParams in step, and a mode
      // switch needs no round trip to the server, so a Run right after it runs in the new mode.
      window.history.replaceState(null, '', `${pathname}${queryUrlSearch(merged)}`);
    },
    [pathname, mode, datasource],
  );

  // Once read, the shared query leaves the address bar so later edits are not shadowed by it.
  useEffect(() => {
    if (url.sharedQuery) navigate({});
  }, [url.sharedQuery, navigate]);

  const setText = useCallback(
    (next: string, forMode: QueryMode = mode) => {
      setTexts((current) => ({ ...current, [forMode]: next }));
      saveText(forMode, next);
    },
    [mode],
  );

  const runNow = useCallback(async () => {
    if (state.status === 'running') return;
    if (mode === 'sql' && !context.ok) return setContextOpen(true);
    setRanText(text);
    const outcome = await run(mode, text, { rowLimit, context: mode === 'sql' && context.ok ? context.context : undefined });
    const entry: HistoryEntry = { mode, text, ranAt: new Date().toISOString(), outcome: outcome.status === 'done' ? 'ok' : outcome.status, rowCount: outcome.rowCount, elapsedMs: outcome.elapsedMs };
    setHistory((current) => {
      const next = addToHistory(current, entry);
      saveHistory(next);
      return next;
    });
  }, [mode, text, run, state.status, rowLimit, context]);

  const insert = (snippet: string) => {
    const editor = view.current;
    if (!editor) return setText(`${text}${snippet}`);
    editor.dispatch(editor.state.replaceSelection(snippet));
    editor.focus();
  };

  const restore = (entry: Pick<ExampleQuery, 'mode' | 'text'>) => {
    setText(entry.text, entry.mode);
    if (entry.mode !== mode) navigate({ mode: entry.mode });
  };

  const share = async () => {
    const issue = issueWithSharing(text);
    if (issue) return setShareNote(issue);
    const link = `${window.location.origin}${pathname}${queryUrlSearch({ mode, datasource, sharedQuery: text })}`;
    try {
      await navigator.clipboard.writeText(link);
      setShareNote('Link copied: it opens this query.');
    } catch {
      setShareNote(`Copy this link: ${link}`);
    }
  };

  const schema = useMemo(() => Object.fromEntries([...(columns.data?.entries() ?? [])].map(([name, list]) => [name, list.map((c) => c.name)])), [columns.data]);
  const error = state.status === 'error' ? state.error : undefined;
  // Underlined only in the very text that failed.
  const errorInText = error && state.mode === mode && ranText === text ? error : undefined;

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_280px]">
      <div className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <div role="radiogroup" aria-label="Query language" className="inline-flex overflow-hidden rounded border border-slate-300 text-sm">
            {(['sql', 'native'] as const).map((m) => (
              <button key={m} type="button" role="radio" aria-checked={mode === m} className={`px-3 py-1 ${mode === m ? 'bg-sky-600 text-white' : 'bg-white hover:bg-slate-50'}`} onClick={() => navigate({ mode: m })}>
                {m === 'sql' ? 'SQL' : 'Native JSON'}
              </button>
            ))}
          </div>
          {state.status === 'running' ? (
            <button type="button" className="rounded bg-amber-600 px-4 py-1 text-sm font-medium text-white hover:bg-amber-700" onClick={cancel}>
              Cancel
            </button>
          ) : (
            <button type="button" className="rounded bg-sky-600 px-4 py-1 text-sm font-medium text-white hover:bg-sky-700" onClick={runNow} title="Ctrl/⌘-Enter">
              Run
            </button>
          )}
          {mode === 'sql' && (
            <label className="flex items-center gap-1 text-sm text-slate-700">
              Row limit
              <select className="rounded border border-slate-300 px-1 py-0.5" value={rowLimit} onChange={(e) => setRowLimit(Number(e.target.value))}>
                {[1_000, DEFAULT_ROW_LIMIT, MAX_ROW_LIMIT].map((limit) => (
                  <option key={limit} value={limit}>
                    {limit.toLocaleString('en-US')}
                  </option>
                ))}
              </select>
            </label>
          )}
          {mode === 'sql' && (
            <button type="button" aria-expanded={contextOpen} className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50" onClick={() => setContextOpen(!contextOpen)}>
              Context{context.ok && context.context ? ` (${Object.keys(context.context).length})` : ''}
            </button>
          )}
          <button type="button" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50" onClick={share}>
            Share link
          </button>
          <span className="text-sm">
            <RunStatus state={state} />
          </span>
        </div>
        {shareNote && <p className="text-sm text-slate-600">{shareNote}</p>}
        {mode === 'sql' && contextOpen && (
          <label className="block text-sm">
            <span className="text-slate-700">Query context (JSON), sent with every SQL query, e.g. {'{"sqlTimeZone": "Asia/Shanghai"}'}</span>
            <textarea
              className={`mt-1 block w-full rounded border px-2 py-1 font-mono text-xs ${context.ok ? 'border-slate-300' : 'border-red-400'}`}
              rows={3}
              spellCheck={false}
              value={contextText}
              onChange={(e) => {
                setContextText(e.target.value);
                saveContextText(e.target.value);
              }}
            />
            {!context.ok && (
              <span role="alert" className="text-red-700">
                {context.message}
              </span>
            )}
          </label>
        )}
        <QueryEditor
          key={mode}
          mode={mode}
          value={text}
          onChange={(next) => setText(next)}
          onRun={runNow}
          schema={schema}
          error={errorInText}
          onView={(created) => (view.current = created)}
        />
        {error && (
          <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="query-error">
            <p className="font-medium">{error.message}</p>
            {error.position && (
              <p className="mt-1">
                At line {error.position.line}, column {error.position.column}
                {errorInText ? ' (underlined in the editor).' : '.'}
              </p>
            )}
          </div>
        )}
        <QueryResults state={state} />
      </div>
      <SidePanel
        columns={{ data: columns.data, error: columns.error, isPending: columns.isPending, refetch: () => void columns.refetch() }}
        openDatasource={datasource}
        onOpenDatasource={(name) => navigate({ datasource: name })}
        onInsert={insert}
        onExample={restore}
        history={history}
        onRestore={restore}
        mode={mode}
      />
    </div>
  );
}
