'use client';
// The sign-in form (TRIBUTARY_AUTH=users). On success the browser goes back to the page it came
// for; what was cached for nobody is dropped (useSignIn).
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { safeNextPath } from '@/lib/http/me';
import { useMe, useSignIn } from './api';

const INPUT = 'mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none';

export function SignInForm() {
  const next = safeNextPath(useSearchParams().get('next'));
  const router = useRouter();
  const { data: me } = useMe();
  const signIn = useSignIn();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');

  if (me && me.mode !== 'users') {
    return (
      <p role="status" className="text-sm text-slate-700">
        {me.mode === 'open' ? 'This Tributary instance has no sign-in: everyone who reaches it may use it.' : 'This Tributary instance is signed into through its sign-in proxy.'}{' '}
        <Link href="/" className="font-medium text-brand-700 hover:underline">
          Go to Tributary
        </Link>
      </p>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ user, password }, { onSuccess: () => router.replace(next) });
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-label="Sign in">
      {me?.user && (
        <p role="status" className="text-sm text-slate-700">
          You are signed in as {me.user} ({me.role}).
        </p>
      )}
      <div>
        <label htmlFor="sign-in-user" className="block text-sm font-medium text-slate-700">
          User name
        </label>
        <input id="sign-in-user" name="username" autoComplete="username" required autoFocus value={user} onChange={(e) => setUser(e.target.value)} className={INPUT} />
      </div>
      <div>
        <label htmlFor="sign-in-password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} className={INPUT} />
      </div>
      {signIn.error && (
        <p role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {signIn.error.message}
        </p>
      )}
      <button type="submit" disabled={signIn.isPending || signIn.isSuccess} className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50">
        {signIn.isPending || signIn.isSuccess ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
