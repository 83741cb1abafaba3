// Where the local stack started by global-setup.ts listens, for tests that talk to it directly.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Stack {
  readonly appUrl: string;
  readonly druidUrl: string;
  readonly kafka: { readonly bootstrapServers: string; readonly controlUrl: string };
}

// Playwright runs from the repository root (playwright.config.ts).
export const STACK_DIR = path.resolve(process.cwd(), '.devstack', 'e2e');

export function readStack(): Stack {
  return JSON.parse(readFileSync(path.join(STACK_DIR, 'stack.json'), 'utf8')) as Stack;
}
