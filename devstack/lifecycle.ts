// How a devstack service process ends: on SIGINT/SIGTERM, or when a process that started
// it is gone, so a crashed test run or a closed terminal leaves no orphan holding ports.
import { readFileSync } from 'node:fs';

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
  log: (line: string) => void;
}

/** Keeps the process alive until it is told to stop; then runs stop() and exits. */
export function runUntilStopped(stop: () => Promise<void> | void, options: LifecycleOptions): void {
  const ancestry = launcherAncestry(process.pid, WATCHED_ANCESTORS);
  let stopping = false;

  const shutdown = (reason: string) => {
    if (stopping) {
      // A second signal while stopping: the user wants out now.
      process.exit(1);
    }
    stopping = true;
    clearInterval(watch);
    options.log(`stopping (${reason})`);
    setTimeout(() => {
      options.log(`could not stop within ${STOP_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    Promise.resolve()
      .then(stop)
      .then(
        () => process.exit(0),
        (error: Error) => {
          options.log(`error while stopping: ${error.message}`);
          process.exit(1);
        },
      );
  };

  const watch = setInterval(() => {
    const orphaned = ancestry.find(({ pid, ppid }) => parentOf(pid) !== ppid);
    if (orphaned) shutdown(`launcher process ${orphaned.ppid} exited`);
    else if (options.parentPid !== undefined && !isAlive(options.parentPid)) shutdown(`process ${options.parentPid} exited`);
  }, PARENT_CHECK_MS);

  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
