// The real local stack: Apache Kafka (KRaft) and Apache Druid, resolved from Maven Central and
// started as JVMs that die with this process. Used by the demo, the tests and `npm run stack`.
import { rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { resolveClasspath } from './maven';
import { formatKafka, securedListener, startKafkaNode, waitForKafka, type KafkaOptions } from './kafka';
import { DRUID_PROCESS_NAMES, startDruidProcess, startZooKeeper, waitForDruid, type DruidProcessName } from './druid';
import { stopJvm, type Jvm } from './jvm';
import { stackPorts, type StackPorts } from './ports';
import { startFaultProxy } from '../faults/proxy';
import { startFaultControl } from '../faults/control';

export const KAFKA_VERSION = '4.4.0';
export const DRUID_VERSION = '33.0.0';
/** Tributary's default name for the variable that holds Druid's sasl.jaas.config (DRUID_KAFKA_JAAS_CONFIG_ENV). */
const JAAS_CONFIG_ENV = 'KAFKA_SASL_JAAS_CONFIG';

export interface RealStackState {
  readonly kafka: {
    readonly bootstrapServers: string;
    readonly version: string;
    /** The SASL_SSL listener; Druid's processes hold its JAAS line in the variable named here. */
    readonly secured: { readonly bootstrapServers: string; readonly mechanism: 'SCRAM-SHA-512'; readonly username: string; readonly password: string; readonly caFile: string; readonly jaasConfigEnv: string };
  };
  readonly druid: {
    readonly routerUrl: string;
    readonly overlordUrl: string;
    readonly coordinatorUrl: string;
    readonly brokerUrl: string;
    readonly version: string;
  };
  readonly ports: StackPorts;
  /** Kafka behind a fault proxy, and the API that sets its faults and stops or starts Druid's processes (devstack/faults/control.ts). */
  readonly faults: { readonly controlUrl: string; readonly kafkaBootstrapServers: string };
  readonly logDir: string;
  readonly pids: Record<string, number>;
}

export interface RealStack {
  readonly state: RealStackState;
  readonly processes: readonly Jvm[];
  /** Called when a JVM exits that nobody stopped (through stop() or the control API). */
  onUnexpectedExit(listener: (jvm: Jvm, reason: string) => void): void;
  stop(): Promise<void>;
}

export interface RealStackOptions {
  readonly dir: string;
  readonly portBase: number;
  readonly taskSlots?: number;
  readonly log: (line: string) => void;
}

export async function startRealStack(options: RealStackOptions): Promise<RealStack> {
  const { log } = options;
  const startedMs = Date.now();
  const elapsed = () => `${((Date.now() - startedMs) / 1000).toFixed(1)} s`;
  const ports = stackPorts(options.portBase);
  const dir = path.resolve(options.dir);
  const logDir = path.join(dir, 'logs');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });

  const kafkaClasspath = await resolveClasspath('kafka', log);
  const druidClasspath = await resolveClasspath('druid', log);

  const processes: Jvm[] = [];
  const exitListeners: Array<(jvm: Jvm, reason: string) => void> = [];
  const watch = (jvm: Jvm) => {
    jvm.child.once('exit', (code, signal) => {
      if (processes.includes(jvm)) for (const listener of exitListeners) listener(jvm, signal ?? `exit code ${code}`);
    });
    return jvm;
  };
  const secured = securedListener(path.join(dir, 'tls'), ports.kafkaSecured);
  const jaasConfig = `org.apache.kafka.common.security.scram.ScramLoginModule required username="${secured.username}" password="${secured.password}";`;
  const druidOptions = { dir: path.join(dir, 'druid'), logDir, classpath: druidClasspath, ports, taskSlots: options.taskSlots ?? 8, env: { [JAAS_CONFIG_ENV]: jaasConfig } };
  const kafkaProxy = await startFaultProxy({ target: { host: '127.0.0.1', port: ports.kafkaProxied }, port: ports.kafkaFaultProxy });
  const faultControl = await startFaultControl(
    { kafka: kafkaProxy },
    {
      names: DRUID_PROCESS_NAMES,
      async stop(name) {
        const index = processes.findIndex((candidate) => candidate.name === name);
        if (index >= 0) await stopJvm(processes.splice(index, 1)[0]);
        log(`Druid ${name}: stopped`);
      },
      async start(name) {
        if (processes.some((candidate) => candidate.name === name)) throw new Error(`${name} is running already`);
        const jvm = watch(startDruidProcess(druidOptions, name as DruidProcessName));
        processes.push(jvm);
        await waitForDruid(ports, [jvm], (line) => log(`Druid ${line} (restarted)`), Date.now(), name as DruidProcessName);
      },
    },
  );
  const stop = async () => {
    await Promise.all(processes.splice(0).map((jvm) => stopJvm(jvm)));
    await Promise.all([kafkaProxy.close(), faultControl.close()]);
  };
  try {
    const bootstrapServers = `127.0.0.1:${ports.kafka}`;
    const kafkaOptions: KafkaOptions = {
      dir: path.join(dir, 'kafka'),
      logDir,
      classpath: kafkaClasspath,
      port: ports.kafka,
      controllerPort: ports.kafkaController,
      proxied: { port: ports.kafkaProxied, advertisedPort: ports.kafkaFaultProxy },
      secured,
    };
    const [kafka, zookeeper] = await Promise.all([formatKafka(kafkaOptions).then(() => startKafkaNode(kafkaOptions)), startZooKeeper(druidOptions)]);
    // Every Druid process at once: they find each other through ZooKeeper.
    const druid = DRUID_PROCESS_NAMES.map((name) => startDruidProcess(druidOptions, name));
    processes.push(...[kafka, zookeeper, ...druid].map(watch));
    await waitForKafka(bootstrapServers, kafka);
    log(`Kafka ${KAFKA_VERSION}: ready after ${elapsed()} on ${bootstrapServers}`);
    // Times from the stack's start, as Kafka's is.
    await waitForDruid(ports, processes, (line) => log(`Druid ${line}`), startedMs);
    const state: RealStackState = {
      kafka: {
        bootstrapServers,
        version: KAFKA_VERSION,
        secured: { bootstrapServers: `127.0.0.1:${secured.port}`, mechanism: 'SCRAM-SHA-512', username: secured.username, password: secured.password, caFile: secured.certFile, jaasConfigEnv: JAAS_CONFIG_ENV },
      },
      druid: {
        routerUrl: `http://127.0.0.1:${ports.router}`,
        overlordUrl: `http://127.0.0.1:${ports.coordinator}`,
        coordinatorUrl: `http://127.0.0.1:${ports.coordinator}`,
        brokerUrl: `http://127.0.0.1:${ports.broker}`,
        version: DRUID_VERSION,
      },
      ports,
      faults: { controlUrl: faultControl.url, kafkaBootstrapServers: `127.0.0.1:${ports.kafkaFaultProxy}` },
      logDir,
      pids: Object.fromEntries(processes.map((jvm) => [jvm.name, jvm.child.pid ?? -1])),
    };
    log(`Kafka and Druid ready in ${elapsed()}; logs in ${path.relative(process.cwd(), logDir) || logDir}`);
    return { state, processes, stop, onUnexpectedExit: (listener) => void exitListeners.push(listener) };
  } catch (error) {
    await stop();
    throw error;
  }
}
