'use client';
// A line under the header on every page: in open mode, that anyone who reaches the page can act;
// when a session has ended or the proxy's identity is refused, why, and where to sign in.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { ApiRequestError } from '@/components/ui/fetch-json';
import { useMe } from './api';

/** Refusals that signing in (again) at /sign-in cures; a proxy's are for the proxy to fix. */
const SIGN_IN_AGAIN = new Set(['unauthenticated', 'session_expired', 'session_ended', 'invalid_session', 'invalid_credentials']);

export function AccessBanner() {
  const { data: me, error } = useMe();
  const pathname = usePathname();
  if (me?.mode === 'open') {
    return (
      <p role="note" data-testid="open-access-banner" className="border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-center text-sm text-amber-900">
        Open access: anyone who can reach this page can {me.readOnly ? 'see everything here' : 'submit, suspend, reset and terminate supervisors'}. Set TRIBUTARY_AUTH=users or proxy to require sign-in.
      </p>
    );
  }
  if (error instanceof ApiRequestError && (error.status === 401 || error.status === 403) && pathname !== '/sign-in') {
    return (
      <p role="alert" data-testid="access-problem" className="border-b border-rose-200 bg-rose-50 px-4 py-1.5 text-center text-sm text-rose-900">
        {error.message}{' '}
        {SIGN_IN_AGAIN.has(error.code) && (
          <Link href={`/sign-in?next=${encodeURIComponent(pathname)}`} className="font-medium underline">
            Sign in
          </Link>
        )}
      </p>
    );
  }
  return null;
}
