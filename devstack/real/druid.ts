// Apache Druid from its Maven artifacts, laid out like Druid's single-server quickstarts sized for two cores: ZooKeeper
// (from Druid's classpath), a Coordinator that also runs the Overlord (Derby for metadata), a Broker, a Historical, an
// Indexer, a MiddleManager (a peon JVM per task, which keeps the task's log, unlike Druid 33's Indexer) and a Router.
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { httpOk, waitUntil } from '../process';
import { JAVA_17_OPENS, startJvm, type Jvm } from './jvm';
import type { StackPorts } from './ports';
import { DEMO_DATASOURCES } from '../demo-supervisor';

const CONF_DIR = path.resolve(import.meta.dirname, '..', 'druid', 'conf');
const READY_TIMEOUT_MS = 240_000;
const WORKER_CATEGORIES = { threads: 'threads', peons: 'peons' } as const; // druid.worker.category in conf/*/runtime.properties

/** `command` is both the `server` command and the process's key in StackPorts. */
const PROCESSES = [
  { name: 'coordinator-overlord', command: 'coordinator', heap: ['-Xms256m', '-Xmx512m'] },
  { name: 'broker', command: 'broker', heap: ['-Xms512m', '-Xmx512m', '-XX:MaxDirectMemorySize=400m'] },
  { name: 'historical', command: 'historical', heap: ['-Xms512m', '-Xmx512m', '-XX:MaxDirectMemorySize=400m'] },
  { name: 'indexer', command: 'indexer', heap: ['-Xms512m', '-Xmx1536m', '-XX:MaxDirectMemorySize=512m'] },
  { name: 'middleManager', command: 'middleManager', heap: ['-Xms64m', '-Xmx128m'] },
  { name: 'router', command: 'router', heap: ['-Xms128m', '-Xmx256m'] },
] as const;

export interface DruidOptions {
  readonly dir: string;
  readonly logDir: string;
  readonly classpath: readonly string[];
  readonly ports: StackPorts;
  /** Task slots of the Indexer: how many supervisors' tasks run at once. */
  readonly taskSlots: number;
  /** Environment for Druid's processes: what specs' environment config providers read. */
  readonly env?: Readonly<Record<string, string>>;
}

export async function startZooKeeper(options: DruidOptions): Promise<Jvm> {
  const dir = path.join(options.dir, 'zk');
  mkdirSync(dir, { recursive: true });
  const config = path.join(dir, 'zoo.cfg');
  writeFileSync(
    config,
    [`dataDir=${path.join(dir, 'data')}`, `clientPort=${options.ports.zookeeper}`, 'clientPortAddress=127.0.0.1', 'tickTime=2000', 'initLimit=5', 'syncLimit=2', 'admin.enableServer=false', '4lw.commands.whitelist=ruok', ''].join('\n'),
  );
  const zookeeper = startJvm({
    name: 'zookeeper',
    mainClass: 'org.apache.zookeeper.server.quorum.QuorumPeerMain',
    classpath: [path.join(CONF_DIR, '_common'), ...options.classpath],
    heap: ['-Xmx128m'],
    properties: { 'log4j.configurationFile': path.join(CONF_DIR, '_common', 'log4j2.xml') },
    args: [config],
    cwd: dir,
    logFile: path.join(options.logDir, 'zookeeper.log'),
  });
  await waitUntil(`ZooKeeper on port ${options.ports.zookeeper}`, () => zooKeeperOk(options.ports.zookeeper), { timeoutMs: 60_000, watched: [zookeeper] });
  return zookeeper;
}

export type DruidProcessName = (typeof PROCESSES)[number]['name'];
export const DRUID_PROCESS_NAMES = PROCESSES.map((process) => process.name);

/** Starts one Druid process; also how a test brings back one it stopped. */
export function startDruidProcess(options: DruidOptions, name: DruidProcessName): Jvm {
  const { dir, ports } = options;
  const process = PROCESSES.find((candidate) => candidate.name === name)!;
  for (const folder of ['tmp', 'var']) mkdirSync(path.join(dir, folder), { recursive: true });
  const common: Record<string, string> = {
    'druid.host': '127.0.0.1',
    'druid.zk.service.host': `127.0.0.1:${ports.zookeeper}`,
    // Relative to the processes' working folder, which is `dir`.
    'druid.metadata.storage.connector.connectURI': `jdbc:derby://127.0.0.1:${ports.derby}/var/metadata.db;create=true`,
    'druid.metadata.storage.connector.host': '127.0.0.1',
    'druid.metadata.storage.connector.port': String(ports.derby),
    'druid.storage.storageDirectory': path.join(dir, 'var', 'segments'),
    'druid.indexer.logs.directory': path.join(dir, 'var', 'indexing-logs'),
    'druid.processing.tmpDir': path.join(dir, 'var', 'processing'),
    'java.io.tmpdir': path.join(dir, 'tmp'),
    'java.util.logging.manager': 'org.apache.logging.log4j.jul.LogManager',
    'log4j.configurationFile': path.join(CONF_DIR, '_common', 'log4j2.xml'),
    'derby.stream.error.file': path.join(options.logDir, 'derby.log'),
  };
  const own: Partial<Record<DruidProcessName, Record<string, string>>> = {
    historical: { 'druid.segmentCache.locations': JSON.stringify([{ path: path.join(dir, 'var', 'segment-cache'), maxSize: '10g' }]) },
    indexer: { 'druid.worker.capacity': String(options.taskSlots), 'druid.indexer.task.baseTaskDirPaths': JSON.stringify([path.join(dir, 'var', 'task')]) },
    // Peons take ports base+200 to base+209, task folders under tmp/persistent, druid.* properties but not JVM flags.
    middleManager: {
      'druid.indexer.runner.startPort': String(ports.peonPorts),
      'druid.indexer.runner.endPort': String(ports.peonPorts + 9),
      'druid.indexer.runner.javaOptsArray': JSON.stringify(['-Xms128m', '-Xmx384m', '-XX:MaxDirectMemorySize=160m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', ...JAVA_17_OPENS, `-Dlog4j.configurationFile=${path.join(CONF_DIR, '_common', 'log4j2.xml')}`]),
    },
  };
  return startJvm({
    name,
    mainClass: 'org.apache.druid.cli.Main',
    args: ['server', process.command],
    classpath: [path.join(CONF_DIR, name), path.join(CONF_DIR, '_common'), ...options.classpath],
    heap: process.heap,
    flags: JAVA_17_OPENS,
    properties: { ...common, ...own[name], 'druid.plaintextPort': String(ports[process.command]) },
    env: options.env,
    cwd: dir,
    logFile: path.join(options.logDir, `${name}.log`),
  });
}

/** What each process must answer before the next step (or a test) can rely on it. */
function readinessSteps(ports: StackPorts): Record<DruidProcessName, ReadonlyArray<readonly [string, () => Promise<boolean>]>> {
  const url = (port: number, route: string) => `http://127.0.0.1:${port}${route}`;
  return {
    'coordinator-overlord': [
      ['Coordinator leader', () => httpOk(url(ports.coordinator, '/druid/coordinator/v1/isLeader'))],
      ['Overlord leader', () => httpOk(url(ports.coordinator, '/druid/indexer/v1/isLeader'))],
      ['worker select strategy', () => httpOk(url(ports.coordinator, '/druid/indexer/v1/worker'), { init: jsonPost(workerSelectStrategy(DEMO_DATASOURCES)) })],
    ],
    broker: [['Broker', () => httpOk(url(ports.broker, '/druid/broker/v1/readiness'))]],
    historical: [['Historical', () => httpOk(url(ports.historical, '/druid/historical/v1/readiness'))]],
    indexer: [['Indexer with free task slots', () => httpOk(url(ports.coordinator, '/druid/indexer/v1/workers'), { accept: (body) => freeTaskSlot(body, WORKER_CATEGORIES.threads) })]],
    middleManager: [['MiddleManager with free task slots', () => httpOk(url(ports.coordinator, '/druid/indexer/v1/workers'), { accept: (body) => freeTaskSlot(body, WORKER_CATEGORIES.peons) })]],
    router: [['SQL through the Router', () => httpOk(url(ports.router, '/druid/v2/sql'), SQL_ANSWERS)]],
  };
}

const jsonPost = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
/** Kafka tasks run on the Indexer, those of `peonDatasources` on the MiddleManager (on the Indexer when it is full: not `strong`). */
function workerSelectStrategy(peonDatasources: readonly string[]) {
  const categoryAffinity = Object.fromEntries(peonDatasources.map((datasource) => [datasource, WORKER_CATEGORIES.peons]));
  const categoryMap = { index_kafka: { defaultCategory: WORKER_CATEGORIES.threads, categoryAffinity } };
  return { selectStrategy: { type: 'equalDistributionWithCategorySpec', workerCategorySpec: { strong: false, categoryMap } } };
}

const SQL_ANSWERS = {
  init: jsonPost({ query: 'SELECT 1 AS ready' }),
  timeoutMs: 10_000,
  accept: (body: string) => body.includes('"ready":1'),
};

function freeTaskSlot(workersBody: string, category: string): boolean {
  const workers = JSON.parse(workersBody) as Array<{ worker: { capacity: number; category: string }; currCapacityUsed: number }>;
  return workers.some((worker) => worker.worker.category === category && worker.worker.capacity > worker.currCapacityUsed);
}

/** Readiness, step by step in the order the processes depend on each other, each with its time. */
export async function waitForDruid(ports: StackPorts, processes: readonly Jvm[], log: (line: string) => void, startedMs = Date.now(), only?: DruidProcessName): Promise<void> {
  const steps = readinessSteps(ports);
  for (const name of only ? [only] : DRUID_PROCESS_NAMES) {
    for (const [what, check] of steps[name]) {
      await waitUntil(what, check, { timeoutMs: READY_TIMEOUT_MS, watched: processes });
      log(`${what}: ready after ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
    }
  }
}

function zooKeeperOk(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write('ruok'));
    let answer = '';
    socket.setTimeout(2_000, () => socket.destroy());
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer === 'imok'));
    socket.on('error', () => resolve(false));
  });
}
