// Apache Kafka in KRaft mode, one combined broker and controller, from its Maven artifacts.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { runJvm, startJvm, type Jvm } from './jvm';
import { waitUntil } from '../process';

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
  /** A SASL_SSL listener: SCRAM-SHA-512 over TLS with a PEM key and certificate (see securedListener). */
  readonly secured?: SecuredListener;
  readonly nodeId?: number;
  /** Static controller voters of a multi-node cluster (`1@127.0.0.1:p1,2@…`); one standalone node without. */
  readonly voters?: string;
  /** Where this node's JVM writes its output: kafka.out unless told otherwise. */
  readonly name?: string;
}

/**
 * Makes the TLS material of a SASL_SSL listener on 127.0.0.1 with openssl, and a SCRAM user. The
 * broker's self-signed certificate (certFile) is also the CA a client trusts; keystoreFile, Kafka's
 * PEM keystore, holds the private key (PKCS#8) followed by the certificate.
 */
export function securedListener(dir: string, port: number) {
  mkdirSync(dir, { recursive: true });
  const keyFile = path.join(dir, 'broker-key.pem');
  const certFile = path.join(dir, 'broker-cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
  const keystoreFile = path.join(dir, 'broker-keystore.pem');
  writeFileSync(keystoreFile, readFileSync(keyFile, 'utf8') + readFileSync(certFile, 'utf8'));
  return { port, username: 'tributary', password: randomBytes(12).toString('base64url'), certFile, keystoreFile };
}

export type SecuredListener = ReturnType<typeof securedListener>;

export function kafkaServerProperties(options: Pick<KafkaOptions, 'dir' | 'port' | 'controllerPort' | 'nodeId' | 'proxied' | 'secured' | 'voters'>): string {
  const template = readFileSync(path.join(CONFIG_DIR, 'server.properties'), 'utf8');
  const { proxied, secured } = options;
  const securedListener = secured ? `,SECURED://127.0.0.1:${secured.port}` : '';
  return [
    template.trimEnd(),
    `node.id=${options.nodeId ?? 1}`,
    `listeners=PLAINTEXT://127.0.0.1:${options.port},CONTROLLER://127.0.0.1:${options.controllerPort}${proxied ? `,PROXIED://127.0.0.1:${proxied.port}` : ''}${securedListener}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${options.port}${proxied ? `,PROXIED://127.0.0.1:${proxied.advertisedPort}` : ''}${securedListener}`,
    `listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT${proxied ? ',PROXIED:PLAINTEXT' : ''}${secured ? ',SECURED:SASL_SSL' : ''}`,
    ...(secured
      ? [
          'sasl.enabled.mechanisms=SCRAM-SHA-512',
          'listener.name.secured.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;',
          'listener.name.secured.ssl.keystore.type=PEM',
          `listener.name.secured.ssl.keystore.location=${secured.keystoreFile}`,
        ]
      : []),
    options.voters ? `controller.quorum.voters=${options.voters}` : `controller.quorum.bootstrap.servers=127.0.0.1:${options.controllerPort}`,
    `log.dirs=${path.join(options.dir, 'data')}`,
    '',
  ].join('\n');
}

/** A KRaft cluster id is 16 random bytes, base64url without padding (what `random-uuid` prints). */
export function newClusterId(): string {
  return randomBytes(16).toString('base64url');
}

/** Writes the node's server.properties and formats its log folder for the cluster (a new one by default). */
export async function formatKafka(options: KafkaOptions, clusterId = newClusterId()): Promise<void> {
  const { name, config, shared } = nodeJvm(options);
  mkdirSync(options.dir, { recursive: true });
  writeFileSync(config, kafkaServerProperties(options));
  await runJvm({
    ...shared,
    name: `${name}-storage-format`,
    mainClass: 'kafka.tools.StorageTool',
    heap: ['-Xmx256m'],
    // --cluster-id=…: an id may start with '-', which the tool would take for an option.
    args: [
      'format',
      ...(options.voters ? [] : ['--standalone']),
      `--cluster-id=${clusterId}`,
      '-c',
      config,
      // SCRAM credentials live in the cluster's metadata; KRaft writes them at format time.
      ...(options.secured ? ['--add-scram', `SCRAM-SHA-512=[name=${options.secured.username},password=${options.secured.password}]`] : []),
    ],
    logFile: path.join(options.logDir, `${name}-format.log`),
  });
}

/** Starts (or restarts) a formatted node. */
export function startKafkaNode(options: KafkaOptions): Jvm {
  const { name, config, shared } = nodeJvm(options);
  return startJvm({ ...shared, name, mainClass: 'kafka.Kafka', heap: HEAP, args: [config], logFile: path.join(options.logDir, `${name}.out`) });
}

/** A node's name, its server.properties, and what every JVM of the node shares. */
function nodeJvm(options: KafkaOptions) {
  const properties = { 'kafka.logs.dir': options.logDir, 'log4j2.configurationFile': path.join(CONFIG_DIR, 'log4j2.properties') };
  const shared = { classpath: options.classpath, cwd: options.dir, properties };
  return { name: options.name ?? 'kafka', config: path.join(options.dir, 'server.properties'), shared };
}

/** Ready when a client gets cluster metadata listing the broker. */
export async function waitForKafka(bootstrapServers: string, watched: Jvm, brokers = 1): Promise<void> {
  const admin = new Kafka({ clientId: 'tributary-devstack', brokers: [bootstrapServers], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  const ready = async () => {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length >= brokers && cluster.controller !== null;
  };
  try {
    await waitUntil(`Kafka on ${bootstrapServers}`, ready, { timeoutMs: READY_TIMEOUT_MS, watched: [watched] });
  } finally {
    await admin.disconnect();
  }
}
