import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AccessBanner } from '@/components/access/access-banner';
import { AppHeader } from '@/components/ui/app-header';
import { Providers } from '@/components/ui/providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tributary', template: '%s · Tributary' },
  description: 'Stream Kafka topics into Apache Druid: load, operate, query.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never prebuilt: Next.js puts this request's CSP nonce (proxy.ts) on its
  // scripts, and no page is served from a shared cache.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>
          <AppHeader />
          <AccessBanner />
          <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
          <footer className="mx-auto max-w-7xl px-4 pb-8 text-xs text-slate-500">
            <Link href="/api-docs" className="hover:text-slate-900 hover:underline">
              HTTP API
            </Link>
            {' · '}
            <a href="/api/openapi.json" className="hover:text-slate-900 hover:underline">
              openapi.json
            </a>
          </footer>
        </Providers>
      </body>
    </html>
  );
}
