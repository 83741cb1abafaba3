// What the benchmarks on the real local stack share: the running stack they measure (they start
// none of it; only bench/stack.bench.ts times a start of its own), unique names for the topics
// and supervisors they create, removing those again, and the arithmetic of their figures,
// resident memory included.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Message } from 'kafkajs';
import { druidSql, pollUntil, STACK_FILE_VARIABLE } from '@/testing/real-stack';
import { createTopicWith, deleteTopics } from '@/testing/app';
import { kafkaSupervisorSpec as supervisorSpec } from '@/devstack/demo-supervisor';
import { isAlive } from '@/devstack/process';
import type { StackState } from '@/devstack/stack';

const ROOT = path.resolve(import.meta.dirname, '..');
export const DEFAULT_STACK_FILE = path.join(ROOT, '.devstack', 'dev', 'stack.json');
const HOW_TO_START =
  'start one with `npm run demo` (then TRIBUTARY_STACK_FILE=.devstack/demo/stack.json) or ' +
  '`node --import tsx devstack/stack.ts --dir .devstack/dev --port-base 38000 --app-port 38300`, and run this again';
const TASKS_STOP_TIMEOUT_MS = 60_000;
const DRUID_CALL_TIMEOUT_MS = 30_000;

export interface BenchStack extends StackState {
  readonly appUrl: string;
  readonly file: string;
}

/** The stack named by TRIBUTARY_STACK_FILE (default .devstack/dev/stack.json), if it is running. */
export function runningStack(): BenchStack {
  const file = path.resolve(process.env[STACK_FILE_VARIABLE] || DEFAULT_STACK_FILE);
  if (!existsSync(file)) throw new BenchError(`no local stack is running: ${shown(file)} does not exist. The benchmarks measure a running stack and start none; ${HOW_TO_START}.`);
  const state = JSON.parse(readFileSync(file, 'utf8')) as Partial<StackState>;
  if (typeof state.pid !== 'number' || !isAlive(state.pid)) {
    throw new BenchError(`the stack of ${shown(file)} is not running (its launcher, pid ${state.pid ?? 'unknown'}, is gone); ${HOW_TO_START}.`);
  }
  if (!state.real) throw new BenchError(`${file} describes no real Kafka and Druid (an older stack); ${HOW_TO_START}.`);
  if (!state.appUrl) throw new BenchError(`the stack of ${file} runs no app (started with --no-app); ${HOW_TO_START}.`);
  // testing/app.ts reads the same variable.
  process.env[STACK_FILE_VARIABLE] = file;
  return { ...(state as StackState), appUrl: state.appUrl, file };
}

function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/** A failure of the set-up, printed without a stack trace. */
export class BenchError extends Error {}

export function benchName(what: string): string {
  return `bench-${what}-${Date.now().toString(36)}`;
}

export function describeStack(stack: BenchStack): string {
  return `stack ${shown(stack.file)}: app ${stack.appUrl}, Kafka ${stack.real.kafka.version} ${stack.kafka.bootstrapServers}, Druid ${stack.real.druid.version} Router ${stack.druidUrl}; load average ${loadavg()[0].toFixed(2)}`;
}

type Cleanup = { readonly what: string; readonly run: () => Promise<void> };
const cleanups: Cleanup[] = [];

/** Registers what to remove at the end, also after a failure or Ctrl-C; the last registered runs first. */
export function onCleanup(what: string, run: () => Promise<void>): void {
  cleanups.push({ what, run });
}

async function runCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup.run();
    } catch (error) {
      console.error(`could not remove ${cleanup.what}: ${(error as Error).message}`);
    }
  }
}

/** Runs a benchmark, then its cleanups; exits non-zero on failure. */
export function runBench(main: () => Promise<void>): void {
  process.once('SIGINT', () => {
    console.error('interrupted: removing what the benchmark created…');
    void runCleanups().finally(() => process.exit(130));
  });
  main()
    .then(runCleanups, async (error: Error) => {
      console.error(error instanceof BenchError ? error.message : error);
      await runCleanups();
      process.exitCode = 1;
    })
    // kafkajs and undici keep sockets open a while; the figures are printed.
    .finally(() => process.exit());
}

/** Creates a topic and produces `count` messages, round-robin over its partitions; deleted at cleanup. */
export async function createTopicWithMessages(topic: string, partitions: number, count: number, message: (i: number) => Message): Promise<void> {
  await createTopicWith(topic, partitions, Array.from({ length: count }, (_, i) => message(i)));
  onCleanup(`topic ${topic}`, () => deleteTopics(topic));
}

/** A Kafka supervisor spec in the form the wizard submits (lib/spec/build-spec.ts). */
export function kafkaSupervisorSpec(options: { datasource: string; topic: string; bootstrapServers: string; timestampSpec: object; dimensions: readonly unknown[] }) {
  return supervisorSpec({ ...options, dataSource: options.datasource });
}

/** Submits a supervisor straight to the Overlord; it is terminated and its datasource dropped at cleanup. */
export async function submitToOverlord(stack: BenchStack, spec: { spec: { dataSchema: { dataSource: string } } }): Promise<string> {
  const response = await druidCall(stack.real.druid.overlordUrl, '/druid/indexer/v1/supervisor', { method: 'POST', body: spec });
  const { id } = JSON.parse(response) as { id: string };
  onCleanupSupervisor(stack, id, spec.spec.dataSchema.dataSource);
  return id;
}

/**
 * Terminates the supervisor, shuts its tasks down and drops its datasource's segments. The tasks
 * are shut down rather than left to publish: nothing of theirs is kept, and a supervisor
 * terminated within a second of creating its task can leave that task running (seen on Druid 33).
 */
export function onCleanupSupervisor(stack: BenchStack, id: string, datasource: string): void {
  onCleanup(`supervisor ${id} and datasource ${datasource}`, async () => {
    const { overlordUrl, coordinatorUrl } = stack.real.druid;
    await druidCall(overlordUrl, `/druid/indexer/v1/supervisor/${encodeURIComponent(id)}/terminate`, { method: 'POST' });
    const activeTasks = async () => {
      const lists = await Promise.all(
        ['pending', 'waiting', 'running'].map(async (state) => JSON.parse(await druidCall(overlordUrl, `/druid/indexer/v1/tasks?state=${state}&datasource=${encodeURIComponent(datasource)}`)) as { id: string }[]),
      );
      return lists.flat().map((task) => task.id);
    };
    for (const task of await activeTasks()) await druidCall(overlordUrl, `/druid/indexer/v1/task/${encodeURIComponent(task)}/shutdown`, { method: 'POST' });
    await pollUntil(`the tasks of ${datasource} to stop`, activeTasks, (tasks) => tasks.length === 0, TASKS_STOP_TIMEOUT_MS);
    // Marks every segment unused, then a kill task deletes them from deep storage and the metadata store.
    await druidCall(coordinatorUrl, `/druid/coordinator/v1/datasources/${encodeURIComponent(datasource)}`, { method: 'DELETE' });
    await druidCall(overlordUrl, '/druid/indexer/v1/task', { method: 'POST', body: { type: 'kill', dataSource: datasource, interval: '1000-01-01/3000-01-01' } });
  });
}

async function druidCall(baseUrl: string, route: string, init: { method?: string; body?: unknown } = {}): Promise<string> {
  const response = await fetch(`${baseUrl}${route}`, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(DRUID_CALL_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${route} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

/** Rows of a datasource as Druid SQL counts them through the Router; 0 while the Broker does not know the table yet. */
export async function rowCount(stack: BenchStack, datasource: string): Promise<number> {
  try {
    const [row] = await druidSql<{ c: number }>(stack.druidUrl, `SELECT COUNT(*) AS c FROM "${datasource}"`);
    return row?.c ?? 0;
  } catch (error) {
    if (/not found|does not exist/i.test((error as Error).message)) return 0;
    throw error;
  }
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Resident memory of these processes and their descendants (`next start`'s workers, say), in MB. */
export function residentMb(pids: readonly number[]): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while being read.
    }
  }
  let kb = 0;
  const pending = [...pids];
  while (pending.length) {
    const current = pending.pop()!;
    try {
      kb += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${current}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone.
    }
    pending.push(...(children.get(current) ?? []));
  }
  return kb / 1024;
}

export const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
export const seconds = (valueMs: number) => `${(valueMs / 1000).toFixed(1)} s`;
