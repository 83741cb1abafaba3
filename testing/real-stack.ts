// What tests against the real stack need: its addresses, and bounded polls on real signals.
import { existsSync, readFileSync } from 'node:fs';
import type { StackState } from '@/devstack/stack';

export const STACK_FILE_VARIABLE = 'TRIBUTARY_STACK_FILE';

/** The running stack named by TRIBUTARY_STACK_FILE (set by npm test or the vitest setup). */
export function testStack(): StackState {
  const file = process.env[STACK_FILE_VARIABLE];
  if (!file || !existsSync(file)) {
    throw new Error(`no local stack: ${STACK_FILE_VARIABLE} names no state file (${file ?? 'unset'}); run the tests with npm test or npx vitest run --project real`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as StackState;
}

/** Polls `probe` until it returns a value `done` accepts; fails with the last value seen. */
export async function pollUntil<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 120_000, intervalMs = 1_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what}: not reached within ${timeoutMs / 1000} s; last seen ${JSON.stringify(last)}${lastError ? `, last error ${(lastError as Error).message}` : ''}`);
}

/** Druid SQL through the Router, rows as objects. */
export async function druidSql<T = Record<string, unknown>>(routerUrl: string, query: string, context: Record<string, unknown> = {}): Promise<T[]> {
  const response = await fetch(`${routerUrl}/druid/v2/sql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, context }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`SQL failed with HTTP ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T[];
}
