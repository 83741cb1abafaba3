// The local stack's processes. A launcher starts a child with its output prefixed, waits on real
// readiness signals (never a fixed sleep) and stops it politely. A service says it is ready with a
// state file that tells other processes where it listens; the file goes when the service stops: on
// SIGINT/SIGTERM, or when a process that started it is gone, so a crashed test run or a closed
// terminal leaves no orphan holding ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

const PARENT_CHECK_MS = 1_000;
const STOP_TIMEOUT_MS = 10_000;
/**
 * `npx tsx main.ts` runs main.ts under npm exec -> sh -> tsx, and npm exec does not pass
 * SIGTERM on: killing it orphans tsx, while main.ts's own parent lives on. So the watch
 * covers the launcher chain: whichever of these ancestors is reparented, a launcher died.
 */
const WATCHED_ANCESTORS = 4;

export interface LifecycleOptions {
  /** A process to outlive no longer than a second (the stack's launcher). */
  parentPid?: number;
  /** The state file to remove, before stop() runs, if this process wrote it. */
  stateFile?: string;
  log: (line: string) => void;
}

/** Keeps the process alive until it is told to stop; then runs stop() and exits. */
export function runUntilStopped(stop: () => Promise<void> | void, options: LifecycleOptions): void {
  const ancestry = launcherAncestry(process.pid, WATCHED_ANCESTORS);
  let stopping = false;

  const shutdown = async (reason: string) => {
    // A second signal while stopping: the user wants out now.
    if (stopping) process.exit(1);
    stopping = true;
    clearInterval(watch);
    options.log(`stopping (${reason})`);
    setTimeout(() => {
      options.log(`could not stop within ${STOP_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    try {
      if (options.stateFile) removeStateFile(options.stateFile);
      await stop();
      process.exit(0);
    } catch (error) {
      options.log(`error while stopping: ${(error as Error).message}`);
      process.exit(1);
    }
  };

  const watch = setInterval(() => {
    const orphaned = ancestry.find(({ pid, ppid }) => parentOf(pid) !== ppid);
    if (orphaned) void shutdown(`launcher process ${orphaned.ppid} exited`);
    else if (options.parentPid !== undefined && !isAlive(options.parentPid)) void shutdown(`process ${options.parentPid} exited`);
  }, PARENT_CHECK_MS);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal));
}

/** Written whole or not at all: a reader polling for the file never sees half of it. */
export function writeStateFile(file: string, state: unknown): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, file);
}

/** Only a file this process wrote goes, so a successor's file survives. */
function removeStateFile(file: string): void {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown };
    if (state.pid === process.pid) rmSync(file, { force: true });
  } catch {
    // Missing or unreadable: nothing of ours to remove.
  }
}

/** This process and its nearest ancestors, each with the parent it has now. */
function launcherAncestry(pid: number, depth: number): Array<{ pid: number; ppid: number }> {
  const chain = [{ pid, ppid: process.ppid }];
  while (chain.length < depth) {
    const { ppid } = chain[chain.length - 1];
    const grandparent = ppid > 1 ? parentOf(ppid) : undefined;
    // Stop at init, at a process we cannot read, and where /proc is missing (not Linux).
    if (grandparent === undefined || grandparent <= 1) break;
    chain.push({ pid: ppid, ppid: grandparent });
  }
  return chain;
}

/** The parent pid of a process; undefined when it is gone. */
function parentOf(pid: number): number | undefined {
  if (pid === process.pid) return process.ppid;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state ppid ...": the command may hold spaces and parentheses.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
