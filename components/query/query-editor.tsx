'use client';
// The query text: CodeMirror with Druid SQL (its functions and the datasources' columns
// for completion) or JSON for native queries; Ctrl/Cmd-Enter runs; an error's position
// from Druid is underlined where it is.
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { sql, SQLDialect, StandardSQL } from '@codemirror/lang-sql';
import { linter, lintGutter, setDiagnostics } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { DRUID_SQL_FUNCTIONS, DRUID_SQL_KEYWORDS } from '@/lib/query/druid-sql-words';
import { positionRange, type SqlErrorPosition } from '@/lib/query/failure';
import type { QueryMode } from '@/lib/query/history';

const DruidSQL = SQLDialect.define({
  ...StandardSQL.spec,
  builtin: [StandardSQL.spec.builtin ?? '', ...DRUID_SQL_FUNCTIONS.map((name) => name.toLowerCase())].join(' '),
  keywords: [StandardSQL.spec.keywords ?? '', ...DRUID_SQL_KEYWORDS.flatMap((word) => word.toLowerCase().split(' '))].join(' '),
});

export interface QueryEditorProps {
  readonly mode: QueryMode;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly onRun: () => void;
  /** Datasource -> column names, for completion. */
  readonly schema: Readonly<Record<string, readonly string[]>>;
  readonly error?: { readonly message: string; readonly position?: SqlErrorPosition };
  readonly onView?: (view: EditorView) => void;
}

export function QueryEditor({ mode, value, onChange, onRun, schema, error, onView }: QueryEditorProps) {
  const [view, setView] = useState<EditorView>();

  const extensions = useMemo<Extension[]>(() => {
    const language =
      mode === 'sql'
        ? sql({ dialect: DruidSQL, upperCaseKeywords: true, schema: Object.fromEntries(Object.entries(schema).map(([table, columns]) => [table, [...columns]])) })
        : [json(), linter(jsonParseLinter(), { delay: 300 })];
    return [language, lintGutter(), EditorView.lineWrapping, EditorView.contentAttributes.of({ 'aria-label': mode === 'sql' ? 'SQL query' : 'Native JSON query' })];
  }, [mode, schema]);

  // Druid's error position, underlined in the text that was run (until the text changes).
  useEffect(() => {
    if (!view) return;
    const text = view.state.doc.toString();
    const diagnostics =
      error?.position && text.trim() !== ''
        ? [{ ...positionRange(text, error.position), severity: 'error' as const, message: error.message, source: 'Druid' }]
        : [];
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }, [view, error]);

  // Caught before CodeMirror sees it: its own Mod-Enter would insert a line into the query being run.
  const runOnModEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      onRun();
    }
  };

  return (
    <div onKeyDownCapture={runOnModEnter} className="overflow-hidden rounded-md border border-slate-300 bg-white text-sm focus-within:border-sky-500" data-testid="query-editor">
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={extensions}
        minHeight="180px"
        maxHeight="420px"
        basicSetup={{ lineNumbers: true, foldGutter: false, highlightActiveLine: false }}
        onCreateEditor={(created) => {
          setView(created);
          onView?.(created);
        }}
      />
    </div>
  );
}
