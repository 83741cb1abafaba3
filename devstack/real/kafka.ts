// Apache Kafka in KRaft mode, one combined broker and controller, from its Maven artifacts.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { runJvm, startJvm, type Jvm } from './jvm';
import { waitUntil } from './ready';

const CONFIG_DIR = path.resolve(import.meta.dirname, '..', 'kafka');
const HEAP = ['-Xms256m', '-Xmx512m'];
const READY_TIMEOUT_MS = 90_000;

export interface KafkaOptions {
  readonly dir: string;
  readonly logDir: string;
  readonly classpath: readonly string[];
  readonly port: number;
  readonly controllerPort: number;
  /** A listener advertised at another port, where a fault proxy forwards to it. */
  readonly proxied?: { readonly port: number; readonly advertisedPort: number };
  readonly nodeId?: number;
}

export function kafkaServerProperties(options: Pick<KafkaOptions, 'dir' | 'port' | 'controllerPort' | 'nodeId' | 'proxied'>): string {
  const template = readFileSync(path.join(CONFIG_DIR, 'server.properties'), 'utf8');
  const { proxied } = options;
  return [
    template.trimEnd(),
    `node.id=${options.nodeId ?? 1}`,
    `listeners=PLAINTEXT://127.0.0.1:${options.port},CONTROLLER://127.0.0.1:${options.controllerPort}${proxied ? `,PROXIED://127.0.0.1:${proxied.port}` : ''}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${options.port}${proxied ? `,PROXIED://127.0.0.1:${proxied.advertisedPort}` : ''}`,
    `listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT${proxied ? ',PROXIED:PLAINTEXT' : ''}`,
    `controller.quorum.bootstrap.servers=127.0.0.1:${options.controllerPort}`,
    `log.dirs=${path.join(options.dir, 'data')}`,
    '',
  ].join('\n');
}

/** Formats the log folder for a new single-node cluster and starts the broker. */
export async function startKafka(options: KafkaOptions): Promise<Jvm> {
  mkdirSync(options.dir, { recursive: true });
  const properties = path.join(options.dir, 'server.properties');
  writeFileSync(properties, kafkaServerProperties(options));
  const jvm = {
    classpath: options.classpath,
    cwd: options.dir,
    properties: { 'kafka.logs.dir': options.logDir, 'log4j2.configurationFile': path.join(CONFIG_DIR, 'log4j2.properties') },
  };
  // A KRaft cluster id is 16 random bytes, base64url without padding (what `random-uuid` prints).
  const clusterId = randomBytes(16).toString('base64url');
  await runJvm({
    ...jvm,
    name: 'kafka-storage-format',
    mainClass: 'kafka.tools.StorageTool',
    heap: ['-Xmx256m'],
    args: ['format', '--standalone', '-t', clusterId, '-c', properties],
    logFile: path.join(options.logDir, 'kafka-format.log'),
  });
  return startJvm({ ...jvm, name: 'kafka', mainClass: 'kafka.Kafka', heap: HEAP, args: [properties], logFile: path.join(options.logDir, 'kafka.out') });
}

/** Ready when a client gets cluster metadata listing the broker. */
export async function waitForKafka(bootstrapServers: string, watched: Jvm): Promise<void> {
  const admin = new Kafka({ clientId: 'tributary-devstack', brokers: [bootstrapServers], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  try {
    await waitUntil(
      `Kafka on ${bootstrapServers}`,
      async () => {
        await admin.connect();
        const cluster = await admin.describeCluster();
        return cluster.brokers.length > 0 && cluster.controller !== null;
      },
      { timeoutMs: READY_TIMEOUT_MS, watched: [watched] },
    );
  } finally {
    await admin.disconnect();
  }
}
