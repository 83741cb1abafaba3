// State files tell other processes that a devstack service is ready and where it listens.
// They are written whole or not at all: a reader polling for the file never sees half of it.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeStateFile(file: string, state: unknown): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, file);
}

/** Removes the state file if this process wrote it, so a successor's file survives. */
export function removeStateFile(file: string, ownerPid = process.pid): void {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown };
    if (state.pid !== ownerPid) return;
  } catch {
    // Missing or unreadable: nothing of ours to remove.
    return;
  }
  rmSync(file, { force: true });
}
