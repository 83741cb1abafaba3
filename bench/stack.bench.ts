// How long the real local stack takes to start, and what it holds:
//   1. first time: Maven resolves Kafka's and Druid's poms into an empty local repository (a
//      temporary one, deleted after): time, jars and the size downloaded. Starts no JVM.
//   2. warm: startRealStack on ports from 47000 with every artifact cached, as `npm run demo`
//      starts it the second time: its log, the time to ready and the JVMs' resident memory;
//      then it is stopped.
// No target is set; the reference is a hand-started Kafka 4.4 and Druid 33 on a machine of this
// kind, where SQL answered 60-75 s after the start with 2.3 GB resident in all.
// This one starts JVMs of its own: run it on a machine where ports 47000-47999 are free.
// Prints figures; asserts nothing.
//   node --import tsx bench/stack.bench.ts [--dry-run] [--skip-download] [--help]
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { stackPorts } from '@/devstack/real/ports';
import { BenchError, onCleanup, residentMb, runBench, seconds } from './real-stack';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT_BASE = 47_000;
const POMS = { kafka: path.join(ROOT, 'devstack', 'kafka', 'pom.xml'), druid: path.join(ROOT, 'devstack', 'druid', 'pom.xml') } as const;
const REFERENCE_READY_MS = 75_000;
const REFERENCE_RESIDENT_MB = 2_300;
const USAGE = `usage: node --import tsx bench/stack.bench.ts [--dry-run] [--skip-download]
  Times a first-time Maven download of Kafka's and Druid's jars into an empty temporary local
  repository (deleted after), then a warm start of the real stack on ports ${PORT_BASE}-${PORT_BASE + 999}
  (startRealStack), its memory, and stops it.
  --dry-run        print what would run and check the ports, Java and Maven; start nothing
  --skip-download  only the warm start`;

const { values: args } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, 'skip-download': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });

if (args.help) {
  console.log(USAGE);
} else {
  runBench(async () => {
    const ports = Object.entries(stackPorts(PORT_BASE));
    const busy = (await Promise.all(ports.map(async ([name, port]) => ((await portFree(port)) ? [] : [`${name} ${port}`])))).flat();
    const classpathCache = path.join(ROOT, '.devstack', 'classpath');
    const cachedClasspaths = existsSync(classpathCache) ? readdirSync(classpathCache).filter((file) => file.endsWith('.classpath')) : [];
    console.log(`Stack benchmark: first-time Maven download${args['skip-download'] ? ' (skipped)' : ''}, then a warm start on ports from ${PORT_BASE}; load average ${loadavg()[0].toFixed(2)}`);
    if (busy.length > 0) throw new BenchError(`ports in use: ${busy.join(', ')}; stop whatever listens there (another stack started with --port-base ${PORT_BASE}?) and run again`);
    if (args['dry-run']) {
      requireTool('mvn');
      requireTool('java');
      for (const [name, pom] of Object.entries(POMS)) console.log(`would run: mvn -B -f ${path.relative(ROOT, pom)} dependency:build-classpath -Dmaven.repo.local=<empty temporary folder> -Dmdep.outputFile=<there>/${name}.classpath`);
      console.log(`would call startRealStack({ dir: <temporary folder>, portBase: ${PORT_BASE} }); classpaths cached in .devstack/classpath: ${cachedClasspaths.join(', ') || 'none (the warm start would run Maven against ~/.m2 first)'}`);
      console.log(`ports ${PORT_BASE}+ are free (${ports.map(([, port]) => port).join(', ')}); dry run: nothing started`);
      return;
    }
    if (!args['skip-download']) await firstTimeDownload();
    await warmStart();
  });
}

async function firstTimeDownload(): Promise<void> {
  const repository = mkdtempSync(path.join(tmpdir(), 'tributary-bench-m2-'));
  onCleanup(`the temporary Maven repository ${repository}`, async () => rmSync(repository, { recursive: true, force: true }));
  let totalMs = 0;
  for (const [name, pom] of Object.entries(POMS)) {
    const output = path.join(repository, `${name}.classpath`);
    const started = performance.now();
    await runMaven(['-B', '-f', pom, 'dependency:build-classpath', `-Dmaven.repo.local=${repository}`, `-Dmdep.outputFile=${output}`], name);
    const tookMs = performance.now() - started;
    totalMs += tookMs;
    const jars = readFileSync(output, 'utf8').trim().split(path.delimiter).length;
    // Druid's download follows Kafka's into the same repository: what they share is counted once, as on a first start.
    console.log(`first time, ${name}: resolved ${jars} jars in ${seconds(tookMs)}; the repository now holds ${mb(await folderBytes(repository))}`);
  }
  console.log(`first time: Maven downloads ${mb(await folderBytes(repository))} into an empty local repository in ${seconds(totalMs)} (before any JVM starts)   target: none set`);
}

async function warmStart(): Promise<void> {
  // Imported here: --help and --dry-run load nothing that starts processes.
  const { startRealStack } = await import('@/devstack/real/stack');
  const dir = mkdtempSync(path.join(tmpdir(), 'tributary-bench-stack-'));
  onCleanup(`the stack folder ${dir}`, async () => rmSync(dir, { recursive: true, force: true }));
  const lines: string[] = [];
  const started = performance.now();
  const stack = await startRealStack({
    dir,
    portBase: PORT_BASE,
    log: (line) => {
      lines.push(line);
      console.log(`[stack] ${line}`);
    },
  });
  const readyMs = performance.now() - started;
  let stopped = false;
  onCleanup('the stack', async () => {
    if (!stopped) await stack.stop();
  });
  const jvmsResidentMb = residentMb(stack.processes.flatMap((jvm) => (jvm.child.pid ? [jvm.child.pid] : [])));
  const ranMaven = lines.some((line) => line.startsWith('resolving '));
  console.log(
    `warm start: Kafka and Druid ready (SQL answers through the Router) in ${seconds(readyMs)}${ranMaven ? ', Maven included: no cached classpath' : ''}; ` +
      `${stack.processes.length} JVMs hold ${Math.round(jvmsResidentMb).toLocaleString('en-US')} MB resident   ` +
      `target: none set (reference: ${seconds(REFERENCE_READY_MS)}, ${REFERENCE_RESIDENT_MB.toLocaleString('en-US')} MB)`,
  );
  const stopping = performance.now();
  await stack.stop();
  stopped = true;
  console.log(`stopped in ${seconds(performance.now() - stopping)}`);
}

function runMaven(mavenArgs: string[], name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', mavenArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const keep = (chunk: Buffer) => {
      tail.push(...chunk.toString().split('\n'));
      tail.splice(0, Math.max(0, tail.length - 30));
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => reject(new BenchError(`could not run mvn (${error.message}); scripts/ensure.sh --java installs Maven`)));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Maven could not resolve ${name} (exit code ${code}):\n${tail.join('\n')}`))));
  });
}

/** Looks the command up on PATH without running it (both start a JVM). */
function requireTool(command: string): void {
  const found = (process.env.PATH ?? '').split(path.delimiter).some((folder) => folder !== '' && existsSync(path.join(folder, command)));
  if (!found) throw new BenchError(`${command} is not on PATH; scripts/ensure.sh --java installs Java and Maven`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** What a folder holds on disk, as `du -sb` counts it. */
async function folderBytes(folder: string): Promise<number> {
  const { stdout } = await promisify(execFile)('du', ['-sb', folder]);
  return Number(stdout.split('\t')[0]);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
