import { defineConfig } from 'vitest/config';
import path from 'node:path';

const include = ['lib/**/*.test.ts', 'devstack/**/*.test.ts', 'testing/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'app/**/*.test.ts', 'bench/**/*.test.ts'];

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // 'server-only' throws outside React's server environment; tests run server code directly.
      'server-only': path.resolve(import.meta.dirname, 'lib/server/server-only-stub.ts'),
    },
  },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include, exclude: ['**/*.real.test.ts', '**/node_modules/**'] } },
      {
        extends: true,
        test: {
          // Against real Apache Kafka and Apache Druid: the stack named by TRIBUTARY_STACK_FILE
          // (npm test starts one), or one this setup starts and stops.
          name: 'real',
          include: include.map((pattern) => pattern.replace('.test.', '.real.test.')),
          globalSetup: ['testing/vitest-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
