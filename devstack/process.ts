// Process helpers shared by the local stack's launchers: start a child with its output
// prefixed, wait on real readiness signals (never a fixed sleep), stop a child politely.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';

/** A process a wait gives up on as soon as it exits, pointing at its log. */
export interface Watched {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile?: string;
}

const POLL_MS = 500;

/** Polls until check() answers true; fails early, naming the log, when a watched process exits. */
export async function waitUntil(what: string, check: () => Promise<boolean>, options: { timeoutMs: number; watched?: readonly Watched[] }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const logs = (options.watched ?? []).flatMap((process) => (process.logFile ? [process.logFile] : [])).join(', ');
  let lastError = '';
  while (Date.now() < deadline) {
    for (const { name, child, logFile } of options.watched ?? []) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${name} exited (${child.signalCode ?? `code ${child.exitCode}`}) while waiting for ${what}${logFile ? `; see ${logFile}` : ''}`);
      }
    }
    try {
      if (await check()) return;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`${what} was not ready after ${options.timeoutMs / 1000} s${lastError ? ` (last error: ${lastError})` : ''}${logs ? `; see ${logs}` : ''}`);
}

/** The request (a GET unless `init` says otherwise) answers 2xx, with a body that passes `accept` if given. */
export async function httpOk(url: string, options: { init?: RequestInit; timeoutMs?: number; accept?: (body: string) => boolean } = {}): Promise<boolean> {
  const response = await fetch(url, { ...options.init, signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) });
  const body = await response.text();
  return response.ok && (options.accept?.(body) ?? true);
}

/** Waits for the state file a service writes once it is ready, and returns what it holds. */
export async function waitForStateFile<T>(file: string, options: { timeoutMs: number; child?: ChildProcess; what: string }): Promise<T> {
  const watched = options.child ? [{ name: options.what, child: options.child }] : [];
  await waitUntil(`the state file of ${options.what}`, async () => existsSync(file), { timeoutMs: options.timeoutMs, watched });
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/**
 * Runs Node with its output prefixed by name. A TypeScript entry point runs with tsx's loader
 * (`--import tsx`) in this one process, not tsx's CLI and a child of it, so signals reach it.
 */
export function spawnNode(name: string, args: string[], options: { cwd: string; env?: Record<string, string> }): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  for (const stream of [child.stdout, child.stderr]) {
    forEachLine(stream, (line) => {
      if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  return child;
}

/** Calls back with each whole line a stream writes. */
export function forEachLine(stream: Readable | null, onLine: (line: string) => void): void {
  let buffered = '';
  stream?.on('data', (chunk: Buffer) => {
    const lines = (buffered + chunk.toString()).split('\n');
    buffered = lines.pop() ?? '';
    lines.forEach(onLine);
  });
}

/** SIGTERM, then SIGKILL if the process has not exited after graceMs. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
