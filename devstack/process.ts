// Small process helpers shared by the local stack's entry points.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export async function waitForStateFile<T>(file: string, options: { timeoutMs: number; child?: ChildProcess; what: string }): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (options.child && options.child.exitCode !== null) {
      throw new Error(`${options.what} exited with code ${options.child.exitCode} before it was ready`);
    }
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as T;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${options.what} was not ready after ${options.timeoutMs / 1000} s`);
}

export function onShutdown(handler: () => Promise<void> | void): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    Promise.resolve(handler())
      .catch((error) => console.error(`error while stopping on ${signal}:`, error))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Runs a TypeScript entry point in a Node process with tsx's loader, with its output prefixed
 * by name. One process, not tsx's CLI and a child of it, so signals reach the entry point.
 */
export function spawnTs(name: string, entry: string, args: string[], options: { cwd: string; env?: Record<string, string> }): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  prefixOutput(name, child);
  return child;
}

export function prefixOutput(name: string, child: ChildProcess): void {
  const tag = `[${name}]`;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) process.stdout.write(`${tag} ${line}\n`);
    });
  }
}

export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
