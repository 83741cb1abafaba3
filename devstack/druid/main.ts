// The engine as a process: npx tsx devstack/druid/main.ts --port 0 --data .devstack/druid.duckdb --state .devstack/druid.json
// Writes { url, pid } to the state file once listening; stops on SIGINT/SIGTERM or when its
// parent process goes away, so a crashed orchestrator never leaves it running.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEngine } from './server';

const PARENT_CHECK_MS = 1000;

/** The parent process id of `pid`, read from /proc (Linux); null where that is unavailable. */
function parentOf(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

// Taken before anything slow, so a parent that dies while the engine starts is still noticed.
// Started as `npx tsx main.ts`, the direct parent is tsx's CLI, which outlives the process that
// ran it: then the CLI's own parent is watched too.
const parent = process.ppid;
const launcher = commandOf(parent).includes('tsx') ? parentOf(parent) : null;

function parentGone(): boolean {
  if (process.ppid !== parent) return true;
  return launcher !== null && parentOf(parent) !== launcher;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, data: { type: 'string', default: ':memory:' }, state: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${values.port}"`);
  if (values.data !== ':memory:') mkdirSync(path.dirname(path.resolve(values.data)), { recursive: true });
  const engine = await startEngine({ port, dataPath: values.data, host: values.host });
  if (values.state) {
    const state = path.resolve(values.state);
    mkdirSync(path.dirname(state), { recursive: true });
    const temp = `${state}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ url: engine.url, pid: process.pid }));
    renameSync(temp, state);
  }
  console.log(`local Druid engine listening on ${engine.url}`);

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(watch);
    console.log(`local Druid engine stopping (${why})`);
    await engine.close().catch((error) => console.error(error));
    if (values.state) rmSync(path.resolve(values.state), { force: true });
    process.exit(0);
  };
  const watch = setInterval(() => {
    if (parentGone()) void stop('parent process exited');
  }, PARENT_CHECK_MS);
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
