// Bounded polls on real readiness signals: never a fixed sleep.
import type { ChildProcess } from 'node:child_process';

export interface Watched {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
}

const POLL_MS = 500;

/** Polls until check() answers true; fails early, naming the log, when the process exits. */
export async function waitUntil(what: string, check: () => Promise<boolean>, options: { timeoutMs: number; watched?: readonly Watched[] }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    for (const process of options.watched ?? []) {
      if (process.child.exitCode !== null || process.child.signalCode !== null) {
        throw new Error(`${process.name} exited (${process.child.signalCode ?? `code ${process.child.exitCode}`}) while waiting for ${what}; see ${process.logFile}`);
      }
    }
    try {
      if (await check()) return;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const logs = (options.watched ?? []).map((process) => process.logFile).join(', ');
  throw new Error(`${what} was not ready after ${options.timeoutMs / 1000} s${lastError ? ` (last error: ${lastError})` : ''}${logs ? `; see ${logs}` : ''}`);
}

/** GET url → true when it answers 2xx and, if given, its body satisfies accept(). */
export async function httpReady(url: string, accept?: (body: string) => boolean): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) return false;
  const body = await response.text();
  return accept ? accept(body) : true;
}
