// Starts the local stack in order — Kafka, the stream generators, the local Druid engine,
// a demo supervisor, the app — prints where each one is, and stops them all on Ctrl-C.
//   npx tsx devstack/stack.ts [--dir .devstack/demo] [--app-port 3000] [--no-app] [--history-hours 3]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { onShutdown, prefixOutput, spawnTs, stopChild, waitForStateFile } from './process';
import { writeStateFile } from './state-file';
import { submitDemoSupervisor } from './demo-supervisor';

const ROOT = path.resolve(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 120_000;

export interface StackState {
  readonly appUrl?: string;
  readonly druidUrl: string;
  readonly kafka: { readonly bootstrapServers: string; readonly controlUrl: string };
  readonly pids: Record<string, number>;
}

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: '.devstack/demo' },
    'app-port': { type: 'string', default: '3000' },
    'druid-port': { type: 'string', default: '0' },
    'no-app': { type: 'boolean', default: false },
    'app-mode': { type: 'string', default: 'start' },
    'history-hours': { type: 'string', default: '3' },
    'rate-scale': { type: 'string', default: '1' },
    'no-demo-supervisor': { type: 'boolean', default: false },
    brokers: { type: 'string', default: '3' },
  },
});

const dir = path.resolve(ROOT, args.dir!);
const children: { name: string; child: ChildProcess }[] = [];

async function main(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  onShutdown(stopAll);

  const kafkaProcess = start('kafka', 'devstack/kafka/main.ts', ['--brokers', args.brokers!, '--topics', 'streams', '--state', path.join(dir, 'kafka.json'), '--control-port', '0', '--parent-pid', String(process.pid)]);
  const kafka = await waitForStateFile<{ bootstrapServers: string; controlUrl: string }>(path.join(dir, 'kafka.json'), {
    timeoutMs: READY_TIMEOUT_MS,
    child: kafkaProcess,
    what: 'the local Kafka cluster',
  });

  const streamsProcess = start('streams', 'devstack/streams/main.ts', [
    '--bootstrap', kafka.bootstrapServers,
    '--history-hours', args['history-hours']!,
    '--rate-scale', args['rate-scale']!,
    '--state', path.join(dir, 'streams.json'),
    '--parent-pid', String(process.pid),
  ]);
  const druidProcess = start('druid', 'devstack/druid/main.ts', [
    '--port', args['druid-port']!,
    '--data', path.join(dir, 'druid.duckdb'),
    '--state', path.join(dir, 'druid.json'),
    '--parent-pid', String(process.pid),
  ]);
  const druid = await waitForStateFile<{ url: string }>(path.join(dir, 'druid.json'), { timeoutMs: READY_TIMEOUT_MS, child: druidProcess, what: 'the local Druid engine' });
  await waitForStateFile(path.join(dir, 'streams.json'), { timeoutMs: READY_TIMEOUT_MS, child: streamsProcess, what: 'the stream generators' });

  if (!args['no-demo-supervisor']) {
    const id = await submitDemoSupervisor(druid.url, kafka.bootstrapServers);
    log(`demo supervisor ${id} is ingesting into the local engine`);
  }

  let appUrl: string | undefined;
  if (!args['no-app']) {
    appUrl = await startApp(kafka.bootstrapServers, druid.url);
  }

  const state: StackState = {
    appUrl,
    druidUrl: druid.url,
    kafka: { bootstrapServers: kafka.bootstrapServers, controlUrl: kafka.controlUrl },
    pids: Object.fromEntries(children.map(({ name, child }) => [name, child.pid ?? -1])),
  };
  writeStateFile(path.join(dir, 'stack.json'), state);
  log(`Kafka (local, librdkafka mock cluster): ${kafka.bootstrapServers}`);
  log(`Druid (local engine, not Apache Druid): ${druid.url}`);
  if (appUrl) log(`Tributary is ready: ${appUrl}   (Ctrl-C stops everything)`);

  for (const { name, child } of children) {
    child.once('exit', (code, signal) => {
      if (stopping) return;
      log(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the stack`);
      void stopAll().finally(() => process.exit(1));
    });
  }
}

function start(name: string, entry: string, extra: string[]): ChildProcess {
  const child = spawnTs(name, path.join(ROOT, entry), extra, { cwd: ROOT, env: { KAFKAJS_NO_PARTITIONER_WARNING: '1' } });
  children.push({ name, child });
  return child;
}

async function startApp(bootstrapServers: string, druidUrl: string): Promise<string> {
  const port = args['app-port']!;
  const nextBin = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  const mode = args['app-mode'] === 'dev' ? 'dev' : 'start';
  const child = spawn(process.execPath, [nextBin, mode, '-p', port, '-H', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      KAFKA_BROKERS: bootstrapServers,
      DRUID_URL: druidUrl,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      TRIBUTARY_AUDIT_LOG: path.join(dir, 'audit.log'),
    },
  });
  prefixOutput('app', child);
  children.push({ name: 'app', child });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
      if (response.ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the app did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

let stopping = false;
async function stopAll(): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  // Reverse order: the app first, Kafka last, so nothing logs errors about a vanished broker.
  for (const { child } of [...children].reverse()) await stopChild(child);
  rmSync(path.join(dir, 'stack.json'), { force: true });
  log('stopped');
}

function log(message: string): void {
  process.stdout.write(`[stack] ${message}\n`);
}

main().catch(async (error) => {
  log(`could not start: ${(error as Error).message}`);
  await stopAll();
  process.exit(1);
});
