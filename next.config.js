/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  // Native addons are loaded by Node at run time, never bundled.
  serverExternalPackages: ['koffi', '@duckdb/node-api', '@duckdb/node-bindings', 'kafkajs'],
  reactStrictMode: true,
  poweredByHeader: false,
};

module.exports = nextConfig;
