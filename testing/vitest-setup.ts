// Global setup of the `real` test project: reuse the stack npm test started (TRIBUTARY_STACK_FILE),
// or one still running from an earlier run, or start one and stop it when the tests end.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive, waitForStateFile } from '../devstack/process';
import { TEST_PORT_BASE } from '../devstack/real/ports';
import { STACK_FILE_VARIABLE } from './real-stack';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIR = path.join(ROOT, '.devstack', 'test');
const START_TIMEOUT_MS = 15 * 60_000;

export default async function setup(): Promise<(() => Promise<void>) | void> {
  const named = process.env[STACK_FILE_VARIABLE];
  if (named && existsSync(named)) return;
  const file = path.join(DIR, 'stack.json');
  const runningPid = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { pid?: number }).pid : undefined;
  if (runningPid && isAlive(runningPid)) {
    process.env[STACK_FILE_VARIABLE] = file;
    return;
  }
  mkdirSync(DIR, { recursive: true });
  // The real-stack tests call the app's routes over HTTP, as scripts do: it must be built.
  execFileSync('bash', ['scripts/build-app.sh'], { cwd: ROOT, stdio: 'inherit' });
  const log = openSync(path.join(ROOT, '.devstack', 'test-stack.log'), 'w');
  const stack = spawn(process.execPath, ['--import', 'tsx', 'devstack/stack.ts', '--dir', DIR, '--port-base', String(TEST_PORT_BASE), '--app-port', String(TEST_PORT_BASE + 300), '--history-hours', '2', '--app-kafka-through-faults', '--task-slots', '12'], {
    cwd: ROOT,
    stdio: ['ignore', log, log],
  });
  await waitForStateFile(file, { timeoutMs: START_TIMEOUT_MS, child: stack, what: 'the local stack (log: .devstack/test-stack.log)' });
  process.env[STACK_FILE_VARIABLE] = file;
  return async () => {
    const exited = new Promise((resolve) => stack.once('exit', resolve));
    stack.kill('SIGINT');
    await exited;
  };
}
