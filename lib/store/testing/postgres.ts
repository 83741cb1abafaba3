// A throwaway PostgreSQL for tests: a cluster of its own in a temporary folder, on a free port,
// removed when the test is done. Uses Debian's PostgreSQL (scripts/ensure.sh installs it). The
// server refuses to run as root, so as root it runs as the postgres OS user.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

export interface ThrowawayPostgres {
  /** postgres://… for DATABASE_URL; trust authentication, so no password. */
  readonly url: string;
  stop(): Promise<void>;
}

async function binDir(): Promise<string> {
  const versions = await readdir(PG_ROOT).catch(() => [] as string[]);
  const newest = versions.filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`PostgreSQL is not installed (no ${PG_ROOT}/<version>/bin): run scripts/ensure.sh, which installs Debian's postgresql package.`);
  return path.join(PG_ROOT, newest, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = await binDir();
  const dir = await mkdtemp(path.join(tmpdir(), 'tributary-pg-'));
  const asRoot = process.getuid?.() === 0;
  let asServerUser = (command: string, args: string[]) => run(command, args);
  if (asRoot) {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    await chown(dir, Number(uid.stdout), Number(gid.stdout));
    asServerUser = (command, args) => run('runuser', ['-u', 'postgres', '--', command, ...args]);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  try {
    await asServerUser(path.join(bin, 'initdb'), ['-D', data, '-U', 'tributary', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    // Durability settings off: the cluster lives for one test file.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await asServerUser(path.join(bin, 'pg_ctl'), ['start', '-w', '-t', '30', '-D', data, '-l', path.join(dir, 'server.log'), '-o', options]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`The throwaway PostgreSQL did not start: ${(error as Error).message}`, { cause: error });
  }
  // If the test process dies first, the server goes with it rather than living on.
  const killOnExit = () => {
    try {
      process.kill(Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGQUIT');
    } catch {
      // already stopped
    }
  };
  process.once('exit', killOnExit);
  return {
    url: `postgres://tributary@127.0.0.1:${port}/postgres`,
    stop: async () => {
      process.off('exit', killOnExit);
      await asServerUser(path.join(bin, 'pg_ctl'), ['stop', '-w', '-m', 'immediate', '-D', data]).catch(killOnExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
