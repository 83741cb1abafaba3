// Starts the JVMs of the local stack. Each one dies with the Node process that started it
// (setpriv's parent-death signal), so a crashed launcher or test run leaves no JVM behind,
// and writes its output to one log file that a failing test can name.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { stopChild, type Watched } from '../process';

/** The module access Druid's bin/run-java grants on Java 17. */
export const JAVA_17_OPENS = [
  '--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED',
  '--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED',
];

/** Small and quick to start: two cores, a dozen JVMs. C1 only starts JVMs markedly faster. */
const COMMON_FLAGS = ['-server', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-XX:+ExitOnOutOfMemoryError', '-Duser.timezone=UTC', '-Dfile.encoding=UTF-8'];

export interface JvmOptions {
  readonly name: string;
  readonly mainClass: string;
  readonly classpath: readonly string[];
  readonly heap: readonly string[];
  readonly flags?: readonly string[];
  readonly properties?: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
  /** Variables added to the environment the JVM inherits. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly logFile: string;
}

/** A JVM of the stack: its process and the one log file it writes. */
export type Jvm = Required<Watched>;

export function startJvm(options: JvmOptions): Jvm {
  const properties = Object.entries(options.properties ?? {}).map(([key, value]) => `-D${key}=${value}`);
  const javaArgs = [...options.heap, ...COMMON_FLAGS, ...(options.flags ?? []), ...properties, '-cp', options.classpath.join(':'), options.mainClass, ...(options.args ?? [])];
  const log = openSync(options.logFile, 'a');
  const child = spawn('setpriv', ['--pdeathsig', 'KILL', 'java', ...javaArgs], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', log, log] });
  closeSync(log);
  return { name: options.name, child, logFile: options.logFile };
}

/** Runs a JVM to completion (a tool such as Kafka's storage formatter). */
export async function runJvm(options: JvmOptions): Promise<void> {
  const { child } = startJvm(options);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${options.name} failed with exit code ${code}; see ${options.logFile}`);
}

/** SIGKILL only after a while (a JVM flushes, frees its ports); a MiddleManager's peons, which outlive it, go with it. */
export async function stopJvm(jvm: Jvm): Promise<void> {
  const children = (() => { try { return execFileSync('pgrep', ['-P', String(jvm.child.pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number); } catch { return []; } })();
  await stopChild(jvm.child, 10_000);
  for (const pid of children) try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
}
