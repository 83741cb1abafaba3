'use client';
// The header's identity: who is signed in and as what role, with sign-out when Tributary itself
// signed them in. Not signed in (users mode), it offers the sign-in page.
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiRequestError } from '@/components/ui/fetch-json';
import { signOut, useMe } from './api';

export function UserMenu() {
  const { data: me, error } = useMe();
  const client = useQueryClient();
  const router = useRouter();
  const [leaving, setLeaving] = useState(false);
  if (error instanceof ApiRequestError && error.status === 401) {
    return (
      <Link href="/sign-in" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
        Sign in
      </Link>
    );
  }
  if (!me || me.mode === 'open') return null;
  return (
    <div className="flex items-center gap-2 text-sm" data-testid="user-menu">
      <span className="text-slate-700">
        <span className="font-medium" data-testid="signed-in-user">
          {me.user}
        </span>{' '}
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700" data-testid="signed-in-role">
          {me.role}
        </span>
      </span>
      {me.via === 'session' && (
        <button
          type="button"
          disabled={leaving}
          onClick={async () => {
            setLeaving(true);
            await signOut();
            // Nothing of this user's stays in the page's memory.
            client.clear();
            router.replace('/sign-in');
          }}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-slate-700 hover:bg-slate-100 disabled:opacity-50"
        >
          Sign out
        </button>
      )}
    </div>
  );
}
