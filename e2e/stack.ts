// Where the local stack listens, for tests that talk to it directly: the state file named by
// TRIBUTARY_STACK_FILE (npm test's stack, or the one global-setup.ts started).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StackState } from '../devstack/stack';

export type Stack = StackState & { readonly appUrl: string };

// Playwright runs from the repository root (playwright.config.ts).
export const STACK_DIR = path.resolve(process.cwd(), '.devstack', 'e2e');

export function stackFile(): string {
  return process.env.TRIBUTARY_STACK_FILE ?? path.join(STACK_DIR, 'stack.json');
}

export function readStack(): Stack {
  return JSON.parse(readFileSync(stackFile(), 'utf8')) as Stack;
}
