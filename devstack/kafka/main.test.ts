// devstack/kafka/main.ts as the stack runs it: a separate process with a state file.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaControl, waitForKafkaState } from './control-client';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'devstack/kafka/main.ts');
const workDir = mkdtempSync(path.join(tmpdir(), 'tributary-kafka-'));
const started: ChildProcess[] = [];

function startMain(args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(workDir, { recursive: true, force: true });
});

describe('devstack/kafka/main.ts', () => {
  it('serves its topics, obeys the control API and leaves nothing behind on SIGTERM', async () => {
    const stateFile = path.join(workDir, 'nested', 'kafka.json');
    const { child, output } = startMain(['--brokers', '3', '--state', stateFile, '--control-port', '0', '--topics', 'streams', '--topic', 'orders:4']);
    const state = await waitForKafkaState(stateFile);
    expect(state.pid).toBe(child.pid);
    expect(state.brokers).toEqual([1, 2, 3]);
    expect(output()).toContain(`Kafka ready: bootstrap servers ${state.bootstrapServers}`);

    const kafka = new Kafka({ brokers: state.bootstrapServers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 1 } });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: ['web-clickstream', 'orders'] });
      expect(Object.fromEntries(topics.map((topic) => [topic.name, topic.partitions.length]))).toEqual({ 'web-clickstream': 6, orders: 4 });
      const control = new KafkaControl(state.controlUrl);
      await control.brokerDown(2);
      expect(await control.brokers()).toContainEqual({ id: 2, up: false, rttMs: 0 });
      await control.brokerUp(2);
    } finally {
      await admin.disconnect();
    }

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(existsSync(stateFile)).toBe(false);
    expect(isRunning(state.pid)).toBe(false);
  });

  it('exits when the process that launched it dies, even through the tsx launcher', async () => {
    const stateFile = path.join(workDir, 'orphan.json');
    // launcher -> tsx's CLI -> main.ts, as `npx tsx` runs it; then the launcher is killed
    // without a chance to clean up, which leaves tsx's CLI alive but orphaned.
    const tsxCli = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    const launcher = `require('node:child_process').spawn(process.execPath, [${JSON.stringify(tsxCli)}, ${JSON.stringify(MAIN)}, '--state', ${JSON.stringify(stateFile)}], { stdio: 'ignore' }); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', launcher], { cwd: ROOT, stdio: 'ignore' });
    started.push(parent);
    const state = await waitForKafkaState(stateFile);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 5_000;
    while (isRunning(state.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isRunning(state.pid)).toBe(false);
    expect(existsSync(stateFile)).toBe(false);
  });

  it('exits 1 naming the bad flag', async () => {
    const { child, output } = startMain(['--topic', 'orders:zero']);
    expect(await exited(child)).toBe(1);
    expect(output()).toMatch(/\[kafka\] --topic orders:zero: partitions: /);
  });
});
