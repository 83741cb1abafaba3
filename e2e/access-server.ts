// A Tributary server of a test's own, for the access modes: the same production build (.next)
// the stack's app serves, started on a free port against the stack's Kafka and Druid, with the
// access settings the test gives. Users are added with `npm run user`'s script, as an admin would.
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { spawnNode, stopChild, waitUntil } from '../devstack/process';
import { readStack } from './stack';

// Playwright runs from the repository root (playwright.config.ts).
const ROOT = process.cwd();
const START_TIMEOUT_MS = 90_000;

export interface AppServer {
  readonly url: string;
  readonly port: number;
  /** A folder of this server's own (users file, session secret, store), removed by stop(). */
  readonly dir: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `next start` with the given access settings. `launcher: 'npm-start'` runs what
 * `npm start` runs (scripts/start.ts), which picks the host itself; otherwise it listens on 127.0.0.1.
 */
export async function startAppServer(name: string, env: Record<string, string>, options: { launcher?: 'next' | 'npm-start'; dir?: string } = {}): Promise<AppServer> {
  const stack = readStack();
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), `tributary-${name}-`));
  const port = await freePort();
  const args =
    options.launcher === 'npm-start'
      ? ['--import', 'tsx', path.join(ROOT, 'scripts', 'start.ts'), '-p', String(port)]
      : [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'];
  const child: ChildProcess = spawnNode(name, args, {
    cwd: ROOT,
    env: {
      KAFKA_BROKERS: stack.appKafkaBootstrapServers ?? stack.kafka.bootstrapServers,
      DRUID_KAFKA_BROKERS: stack.kafka.bootstrapServers,
      DRUID_URL: stack.druidUrl,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_OPTIONS: '--max-old-space-size=512',
      TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db'),
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  // Up when it answers anything of its own: /api/me is a 401 until someone signs in.
  const answers = async () => {
    const response = await fetch(`${url}/api/me`, { signal: AbortSignal.timeout(10_000) });
    await response.text();
    return response.status < 500;
  };
  await waitUntil(`${name} on ${url}`, answers, {
    timeoutMs: START_TIMEOUT_MS,
    watched: [{ name, child }],
  });
  return {
    url,
    port,
    dir,
    async stop() {
      await stopChild(child);
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `npm run user -- ARGS --file FILE`, the password on standard input. */
export async function userCommand(file: string, args: readonly string[], password = ''): Promise<string> {
  const run = promisify(execFile);
  const child = run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'user.ts'), ...args, '--file', file], { cwd: ROOT });
  child.child.stdin?.end(`${password}\n`);
  const { stdout } = await child;
  return stdout;
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** The address a TCP port on this machine listens on, from the kernel's socket table. */
export function listeningAddresses(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [address, localPort] = local.split(':');
      if (state !== '0A' || localPort !== hex) continue; // 0A: LISTEN
      found.push(address.length === 8 ? ipv4FromProc(address) : address === '00000000000000000000000000000000' ? '::' : address);
    }
  }
  return found;
}

function ipv4FromProc(hex: string): string {
  // Little-endian words: 0100007F is 127.0.0.1.
  return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
}
