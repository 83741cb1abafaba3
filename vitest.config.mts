import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // 'server-only' throws outside React's server environment; tests run server code directly.
      'server-only': path.resolve(import.meta.dirname, 'lib/server/server-only-stub.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'devstack/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'app/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
