import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { waitForStateFile } from '../devstack/process';
import { STACK_DIR, type Stack } from './stack';

const ROOT = process.cwd();

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

export default async function globalSetup(): Promise<void> {
  const port = await freePort();
  mkdirSync(path.join(ROOT, '.devstack'), { recursive: true });
  const log = openSync(path.join(ROOT, '.devstack', 'e2e-stack.log'), 'w');
  const stack = spawn(
    process.execPath,
    ['--import', 'tsx', 'devstack/stack.ts', '--dir', path.relative(ROOT, STACK_DIR), '--app-port', String(port), '--history-hours', '2'],
    { cwd: ROOT, stdio: ['ignore', log, log], detached: true },
  );
  process.env.TRIBUTARY_E2E_STACK_PID = String(stack.pid);
  const state = await waitForStateFile<Stack>(path.join(STACK_DIR, 'stack.json'), {
    timeoutMs: 180_000,
    child: stack,
    what: 'the local stack (log: .devstack/e2e-stack.log)',
  });
  process.env.TRIBUTARY_E2E_APP_URL = state.appUrl;
}
