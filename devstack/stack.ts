// Starts the local stack in order — real Apache Kafka and Apache Druid, the stream generators,
// the demo supervisors, the app — prints where each one is, and stops them all on Ctrl-C.
//   node --import tsx devstack/stack.ts [--dir .devstack/demo] [--port-base 18000] [--app-port 3000]
//     [--no-app] [--no-demo-supervisors] [--history-hours 3] [--rate-scale 1]
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { httpOk, spawnNode, stopChild, waitForStateFile, waitUntil, writeStateFile, type Watched } from './process';
import { submitDemoSupervisors } from './demo-supervisor';
import { DEMO_PORT_BASE } from './real/ports';
import { startRealStack, type RealStack, type RealStackState } from './real/stack';

const ROOT = path.resolve(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 120_000;

export interface StackState {
  readonly appUrl?: string;
  /** The bootstrap servers the app was given: Kafka's own, or the fault proxy's. */
  readonly appKafkaBootstrapServers?: string;
  /** The Router: every Druid API. */
  readonly druidUrl: string;
  readonly kafka: { readonly bootstrapServers: string };
  readonly real: RealStackState;
  readonly pids: Record<string, number>;
  /** The launcher's pid: a reader checks it is alive before reusing the stack. */
  readonly pid: number;
}

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: '.devstack/demo' },
    'port-base': { type: 'string', default: String(DEMO_PORT_BASE) },
    'app-port': { type: 'string', default: '3000' },
    'no-app': { type: 'boolean', default: false },
    'app-mode': { type: 'string', default: 'start' },
    'history-hours': { type: 'string', default: '3' },
    'rate-scale': { type: 'string', default: '1' },
    'no-demo-supervisors': { type: 'boolean', default: false },
    'app-env': { type: 'string', multiple: true, default: [] },
    // The Indexer's task slots: one per running supervisor task (tests run several at once).
    'task-slots': { type: 'string', default: '8' },
    // The app reaches Kafka through the fault proxy, so browser tests can slow or cut it.
    'app-kafka-through-faults': { type: 'boolean', default: false },
  },
});

const log = (message: string) => process.stdout.write(`[stack] ${message}\n`);
const dir = path.resolve(ROOT, args.dir!);
const children: Watched[] = [];
let real: RealStack | undefined;

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void stopAll().finally(() => process.exit(0)));
  }
  real = await startRealStack({ dir, portBase: Number(args['port-base']), taskSlots: Number(args['task-slots']), log });
  const { bootstrapServers } = real.state.kafka;
  const druidUrl = real.state.druid.routerUrl;

  const streams = spawnNode('streams', [
    '--import', 'tsx', path.join(ROOT, 'devstack/streams/main.ts'),
    '--bootstrap', bootstrapServers,
    '--history-hours', args['history-hours']!,
    '--rate-scale', args['rate-scale']!,
    '--state', path.join(dir, 'streams.json'),
    '--parent-pid', String(process.pid),
  ], { cwd: ROOT, env: { KAFKAJS_NO_PARTITIONER_WARNING: '1' } });
  children.push({ name: 'streams', child: streams });
  await waitForStateFile(path.join(dir, 'streams.json'), { timeoutMs: READY_TIMEOUT_MS, child: streams, what: 'the stream generators' });

  if (!args['no-demo-supervisors']) {
    const ids = await submitDemoSupervisors(druidUrl, bootstrapServers);
    log(`demo supervisors submitted to Druid: ${ids.join(', ')}`);
  }

  let appUrl: string | undefined;
  const appKafkaBootstrapServers = args['app-kafka-through-faults'] ? real.state.faults.kafkaBootstrapServers : bootstrapServers;
  if (!args['no-app']) appUrl = await startApp(appKafkaBootstrapServers, druidUrl, bootstrapServers);

  const state: StackState = {
    appUrl,
    appKafkaBootstrapServers: appUrl ? appKafkaBootstrapServers : undefined,
    druidUrl,
    kafka: { bootstrapServers },
    real: real.state,
    pids: { ...real.state.pids, ...Object.fromEntries(children.map(({ name, child }) => [name, child.pid ?? -1])) },
    pid: process.pid,
  };
  writeStateFile(path.join(dir, 'stack.json'), state);
  log(`Kafka ${real.state.kafka.version}: ${bootstrapServers}`);
  log(`Druid ${real.state.druid.version}: Router ${druidUrl} (console and every API), Overlord ${real.state.druid.overlordUrl}, Broker ${real.state.druid.brokerUrl}`);
  if (appUrl) log(`Tributary is ready: ${appUrl}   (Ctrl-C stops everything)`);

  const stopUnexpectedly = (name: string, reason: string) => {
    if (stopping) return;
    log(`${name} stopped unexpectedly (${reason}); stopping the stack. Logs: ${real?.state.logDir}`);
    void stopAll().finally(() => process.exit(1));
  };
  for (const { name, child } of children) child.once('exit', (code, signal) => stopUnexpectedly(name, signal ?? `exit code ${code}`));
  real.onUnexpectedExit((jvm, reason) => stopUnexpectedly(jvm.name, reason));
}

/** The heap cap `npm start` runs the server with (package.json): a runaway request fails alone, the machine stays up. */
const APP_NODE_OPTIONS = '--max-old-space-size=512';

async function startApp(bootstrapServers: string, druidUrl: string, druidKafkaBrokers: string): Promise<string> {
  const port = args['app-port']!;
  const nextBin = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  const mode = args['app-mode'] === 'dev' ? 'dev' : 'start';
  const extraEnv = Object.fromEntries(args['app-env']!.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  const child = spawnNode('app', [nextBin, mode, '-p', port, '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      KAFKA_BROKERS: bootstrapServers,
      // What Druid's tasks connect to, written into the specs the app builds.
      DRUID_KAFKA_BROKERS: druidKafkaBrokers,
      DRUID_URL: druidUrl,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_OPTIONS: APP_NODE_OPTIONS,
      TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db'),
      ...extraEnv,
    },
  });
  children.push({ name: 'app', child });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(`the app on ${url}`, () => httpOk(`${url}/api/health`, { timeoutMs: 10_000 }), { timeoutMs: READY_TIMEOUT_MS, watched: [{ name: 'the app', child }] });
  return url;
}

let stopping: Promise<void> | undefined;
/** Stops everything once; a second signal or exit while stopping waits for the same stop. */
function stopAll(): Promise<void> {
  stopping ??= (async () => {
    log('stopping…');
    // The app and the generators first, then Druid and Kafka: nothing logs errors about a vanished peer.
    for (const { child } of [...children].reverse()) await stopChild(child);
    await real?.stop();
    rmSync(path.join(dir, 'stack.json'), { force: true });
    log('stopped');
  })().catch((error: Error) => void log(`error while stopping: ${error.message}`));
  return stopping;
}

main().catch(async (error: Error) => {
  log(`could not start: ${error.message}`);
  await stopAll();
  process.exit(1);
});
