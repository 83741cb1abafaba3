'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useMe } from '@/components/access/api';
import { UserMenu } from '@/components/access/user-menu';
import { roleAllows } from '@/lib/http/identity';
import { ApiRequestError } from './fetch-json';
import { HealthIndicator } from './health-indicator';

const NAV = [
  { href: '/load', label: 'Load' },
  { href: '/supervisors', label: 'Supervisors' },
  { href: '/query', label: 'Query' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/audit', label: 'Audit', need: 'admin' },
] as const;

export function AppHeader() {
  const pathname = usePathname();
  const me = useMe();
  // Nobody signed in: nothing here would answer but the sign-in page.
  const signedOut = me.error instanceof ApiRequestError && me.error.status === 401;
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <span aria-hidden className="inline-block h-5 w-5 rounded bg-gradient-to-br from-brand-500 to-emerald-400" />
          Tributary
        </Link>
        {!signedOut && (
          <nav aria-label="Main" className="flex gap-1">
            {NAV.filter((item) => !('need' in item) || !me.data || roleAllows(me.data.role, item.need)).map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={active ? 'page' : undefined}
                  className={`rounded-md px-3 py-1.5 text-sm font-medium ${
                    active ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
                  }`}
                >
                  {item.label}
                </Link>
              );
            })}
          </nav>
        )}
        <div className="ml-auto flex items-center gap-4">
          {!signedOut && <HealthIndicator />}
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
