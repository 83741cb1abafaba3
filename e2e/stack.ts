// Where the local stack started by global-setup.ts listens, for tests that talk to it directly.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Stack {
  readonly appUrl: string;
  readonly druidUrl: string;
  readonly kafka: { readonly bootstrapServers: string; readonly controlUrl: string };
}

export const STACK_DIR = path.resolve(import.meta.dirname, '..', '.devstack', 'e2e');

export function readStack(): Stack {
  return JSON.parse(readFileSync(path.join(STACK_DIR, 'stack.json'), 'utf8')) as Stack;
}
