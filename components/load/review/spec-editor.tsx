'use client';
// The spec as editable JSON, with each issue marked at its path; loaded on demand, as the editor
// is the page's heaviest part.
import { json } from '@codemirror/lang-json';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMemo } from 'react';
import type { TextCheck } from './review-model';
import { rangeOfPath } from './spec-ranges';

export function diagnosticsFor(text: string, check: TextCheck): Diagnostic[] {
  if (check.parseError) {
    const from = Math.min(check.parseError.offset, Math.max(0, text.length - 1));
    return [{ from, to: Math.min(text.length, from + 1), severity: 'error', message: check.parseError.message }];
  }
  return check.issues.map((issue) => ({ ...rangeOfPath(text, issue.path), severity: issue.severity, message: `${issue.pathText}: ${issue.message}` }));
}

interface SpecEditorProps {
  readonly text: string;
  /** Validates a text; the editor's markers and the page's issue list use the same answers. */
  readonly check: (text: string) => TextCheck;
  readonly onChange: (text: string) => void;
  readonly onView?: (view: EditorView) => void;
}

export default function SpecEditor({ text, check, onChange, onView }: SpecEditorProps) {
  const extensions = useMemo(
    () => [
      json(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Supervisor spec JSON' }),
      lintGutter(),
      linter((view) => {
        const current = view.state.doc.toString();
        return diagnosticsFor(current, check(current));
      }, { delay: 200 }),
    ],
    [check],
  );
  return (
    <CodeMirror
      value={text}
      onChange={onChange}
      onCreateEditor={onView}
      extensions={extensions}
      maxHeight="560px"
      basicSetup={{ lineNumbers: true, foldGutter: true }}
      className="overflow-hidden rounded border border-slate-300 text-xs"
    />
  );
}
