/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Docker image runs the standalone server; `next start` serves the ordinary build.
  output: process.env.TRIBUTARY_STANDALONE === '1' ? 'standalone' : undefined,
  // Native addons and the Kafka client are loaded by Node at run time, never bundled.
  serverExternalPackages: ['koffi', '@duckdb/node-api', '@duckdb/node-bindings', 'kafkajs'],
  reactStrictMode: true,
  poweredByHeader: false,
};

module.exports = nextConfig;
