import { defineConfig, devices } from '@playwright/test';

// The local stack (Kafka, streams, Druid engine, the app) is started once by global-setup.ts,
// on free ports; its addresses reach the tests through the environment and e2e/stack.ts.
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: process.env.TRIBUTARY_E2E_APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: '**/*.restart.spec.ts', use: { ...devices['Desktop Chrome'], channel: undefined } },
    // Tests that stop and restart the stack's own processes run after every other test.
    { name: 'restarts', testMatch: '**/*.restart.spec.ts', dependencies: ['chromium'], use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
});
