'use client';
// A modal confirmation for actions that cannot be undone. With `typeToConfirm`, the confirm button
// stays disabled until the user has typed that text (the supervisor's id), so a stray click cannot act.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly typeToConfirm?: string;
  readonly busy?: boolean;
  /** False while what the dialog asks for is incomplete. */
  readonly canConfirm?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, typeToConfirm, busy, canConfirm = true, onConfirm, onCancel }: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const titleId = useId();
  const inputId = useId();
  const firstField = useRef<HTMLInputElement | HTMLButtonElement>(null);
  const ready = !busy && canConfirm && (typeToConfirm === undefined || typed === typeToConfirm);

  // The latest onCancel, so that a parent re-rendering (a preview arriving) neither re-binds Escape nor moves the focus.
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  }, [onCancel]);
  useEffect(() => {
    firstField.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') cancel.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/40 p-4">
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="w-full max-w-lg rounded-lg bg-white p-5 shadow-xl">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <div className="mt-2 space-y-2 text-sm text-slate-700">{children}</div>
        <form
          className="mt-4 space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) onConfirm();
          }}
        >
          {typeToConfirm !== undefined && (
            <div>
              <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
                Type <code className="rounded bg-slate-100 px-1">{typeToConfirm}</code> to confirm
              </label>
              <input
                id={inputId}
                ref={firstField as React.RefObject<HTMLInputElement>}
                value={typed}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setTyped(e.target.value)}
                className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm focus:border-rose-500 focus:outline-none"
              />
            </div>
          )}
          <div className="flex justify-end gap-2">
            <button
              type="button"
              ref={typeToConfirm === undefined ? (firstField as React.RefObject<HTMLButtonElement>) : undefined}
              onClick={onCancel}
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
            >
              Cancel
            </button>
            <button type="submit" disabled={!ready} className="rounded-md bg-rose-600 px-3 py-2 text-sm font-medium text-white hover:bg-rose-700 disabled:cursor-not-allowed disabled:opacity-50">
              {busy ? 'Working…' : confirmLabel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
