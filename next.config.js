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
};

module.exports = nextConfig;
