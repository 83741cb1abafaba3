import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { waitForStateFile } from '../devstack/process';
import { STACK_DIR, readStack, type Stack } from './stack';

const ROOT = process.cwd();
const START_TIMEOUT_MS = 15 * 60_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Reuses the stack npm test started (TRIBUTARY_STACK_FILE) or starts one with the app. */
export default async function globalSetup(): Promise<void> {
  const named = process.env.TRIBUTARY_STACK_FILE;
  if (named && existsSync(named)) {
    const stack = readStack();
    if (!stack.appUrl) throw new Error(`the stack in ${named} runs no app; start it without --no-app`);
    process.env.TRIBUTARY_E2E_APP_URL = stack.appUrl;
    return;
  }
  const port = await freePort();
  mkdirSync(path.join(ROOT, '.devstack'), { recursive: true });
  const log = openSync(path.join(ROOT, '.devstack', 'e2e-stack.log'), 'w');
  const stack = spawn(
    process.execPath,
    ['--import', 'tsx', 'devstack/stack.ts', '--dir', path.relative(ROOT, STACK_DIR), '--port-base', '29000', '--app-port', String(port), '--history-hours', '2', '--app-kafka-through-faults'],
    { cwd: ROOT, stdio: ['ignore', log, log], detached: true },
  );
  process.env.TRIBUTARY_E2E_STACK_PID = String(stack.pid);
  const file = path.join(STACK_DIR, 'stack.json');
  const state = await waitForStateFile<Stack>(file, { timeoutMs: START_TIMEOUT_MS, child: stack, what: 'the local stack (log: .devstack/e2e-stack.log)' });
  process.env.TRIBUTARY_STACK_FILE = file;
  process.env.TRIBUTARY_E2E_APP_URL = state.appUrl;
}
