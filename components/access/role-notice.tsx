'use client';
// What the signed-in role may not do on this page, in a sentence per missing role.
import type { Role } from '@/lib/http/identity';
import { refusalNotes, useMe } from './api';

export function RoleNotice({ items }: { items: readonly { readonly need: Role; readonly what: string }[] }) {
  const notes = refusalNotes(useMe().data, items);
  if (notes.length === 0) return null;
  return (
    <div role="note" data-testid="role-notice" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </div>
  );
}
