// Static files are not behind proxy.ts (see its matcher): they get the same protections here.
// The values follow lib/http/security-headers.ts.
const STATIC_HEADERS = [
  { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

// With proxy.ts, Next.js buffers each request body up to experimental.proxyClientMaxBodySize and
// silently drops the rest (10 MB by default). Buffering a little more than Tributary's own limit
// (TRIBUTARY_MAX_BODY_MB, lib/config) lets the route wrapper see a body pass it and answer 413.
const MAX_BODY_MB = Number(process.env.TRIBUTARY_MAX_BODY_MB) > 0 ? Number(process.env.TRIBUTARY_MAX_BODY_MB) : 10;
const BODY_BUFFER_SLACK_MB = 1;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image runs the standalone server; `next start` serves the ordinary build.
  output: process.env.TRIBUTARY_STANDALONE === '1' ? 'standalone' : undefined,
  // avsc's main entry is its Node build (it reads schema files with fs); the browser build is
  // what the wizard needs when it decodes registry-framed samples in the page.
  turbopack: { resolveAlias: { avsc: { browser: 'avsc/etc/browser/avsc.js' } } },
  // The store's database drivers load from node_modules at run time: better-sqlite3 is a native
  // module a bundle cannot hold, and pg loads optional parts by name.
  serverExternalPackages: ['better-sqlite3', 'pg'],
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [{ source: '/_next/static/:path*', headers: STATIC_HEADERS }];
  },
  experimental: {
    proxyClientMaxBodySize: Math.ceil((MAX_BODY_MB + BODY_BUFFER_SLACK_MB) * 1024 * 1024),
  },
};

module.exports = nextConfig;
