'use client';
// The spec as read-only JSON with folding; loaded on demand, as the editor is the page's heaviest part.
import { json } from '@codemirror/lang-json';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';

export default function SpecViewer({ text }: { text: string }) {
  return (
    <CodeMirror
      value={text}
      extensions={[json(), EditorView.lineWrapping, EditorView.contentAttributes.of({ 'aria-label': 'Supervisor spec (read-only)' })]}
      editable={false}
      readOnly
      maxHeight="480px"
      basicSetup={{ lineNumbers: true, foldGutter: true, highlightActiveLine: false }}
      className="overflow-hidden rounded border border-slate-200 text-xs"
    />
  );
}
