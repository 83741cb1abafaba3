// Resolves a pom's dependencies from Maven Central into ~/.m2 and returns their classpath.
// `mvn` costs 8–10 s even when everything is cached, so the classpath is kept under
// .devstack/classpath keyed by the pom's hash: a warm start runs no Maven at all.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { forEachLine } from '../process';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CACHE_DIR = path.join(ROOT, '.devstack', 'classpath');
const DOWNLOADED = /^\[INFO\] Downloaded from \S+: \S+ \(([\d.]+) (B|kB|MB|GB)/;
const UNIT_BYTES: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 };
const PROGRESS_EVERY_BYTES = 25e6;

/** The jars of devstack/<name>/pom.xml. */
export async function resolveClasspath(name: 'kafka' | 'druid', log: (line: string) => void): Promise<string[]> {
  const pom = path.join(ROOT, 'devstack', name, 'pom.xml');
  const hash = createHash('sha256').update(readFileSync(pom)).digest('hex').slice(0, 16);
  const cached = path.join(CACHE_DIR, `${name}-${hash}.classpath`);
  if (existsSync(cached)) {
    const entries = readFileSync(cached, 'utf8').trim().split(path.delimiter);
    // ~/.m2 may have been cleaned since: only a classpath whose jars are all there is reused.
    if (entries.every((entry) => existsSync(entry))) return entries;
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const output = `${cached}.${process.pid}.tmp`;
  log(`resolving ${name} from Maven Central (${path.relative(process.cwd(), pom)})…`);
  const startedMs = Date.now();
  const { downloadedBytes, files } = await runMaven(['-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${output}`], name, log);
  renameSync(output, cached);
  const entries = readFileSync(cached, 'utf8').trim().split(path.delimiter);
  const took = ((Date.now() - startedMs) / 1000).toFixed(1);
  log(files > 0 ? `${name}: downloaded ${files} files, ${formatMb(downloadedBytes)}, in ${took} s; ${entries.length} jars` : `${name}: ${entries.length} jars, all cached (${took} s)`);
  return entries;
}

function runMaven(args: string[], name: string, log: (line: string) => void): Promise<{ downloadedBytes: number; files: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let downloadedBytes = 0;
    let files = 0;
    let reported = 0;
    const tail: string[] = [];
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      const match = DOWNLOADED.exec(line);
      if (!match) return;
      files += 1;
      downloadedBytes += Number(match[1]) * UNIT_BYTES[match[2]];
      if (downloadedBytes - reported >= PROGRESS_EVERY_BYTES) {
        reported = downloadedBytes;
        log(`${name}: ${formatMb(downloadedBytes)} downloaded (${files} files)…`);
      }
    };
    for (const stream of [child.stdout, child.stderr]) forEachLine(stream, onLine);
    child.once('error', (error) => reject(new Error(`could not run mvn (${error.message}); scripts/ensure.sh installs Maven`)));
    child.once('exit', (code) => {
      if (code === 0) resolve({ downloadedBytes, files });
      else reject(new Error(`Maven could not resolve ${name} (exit code ${code}):\n${tail.filter((line) => /ERROR|FAIL/.test(line)).join('\n') || tail.join('\n')}`));
    });
  });
}

function formatMb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
