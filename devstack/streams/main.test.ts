// devstack/streams/main.ts as the stack runs it, against a cluster hosted by this test.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { MockCluster } from '../kafka/mock-cluster';
import { selectStreamTopics } from './catalogue';
import { readStreamsState, type StreamsState } from './state';

const ROOT = path.resolve(__dirname, '../..');
const TOPICS = ['payments', 'crypto-prices'];
const workDir = mkdtempSync(path.join(tmpdir(), 'tributary-streams-'));
const cluster = new MockCluster({ brokers: 1 });
for (const topic of selectStreamTopics(TOPICS)) cluster.createTopic(topic);
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  cluster.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function waitForState(file: string, timeoutMs: number): Promise<StreamsState> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline || child?.exitCode != null) throw new Error(`no streams state in ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return readStreamsState(file);
}

describe('devstack/streams/main.ts', () => {
  it('writes its state once the history is in Kafka, and stops cleanly on SIGTERM', async () => {
    const stateFile = path.join(workDir, 'streams.json');
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'devstack/streams/main.ts', '--bootstrap', cluster.bootstrapServers, '--history-hours', '0.5', '--only', TOPICS.join(','), '--state', stateFile],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exit = new Promise<number | null>((resolve) => child!.once('exit', resolve));

    const state = await waitForState(stateFile, 15_000);
    expect(state.pid).toBe(child.pid);
    expect(state.topics.map((topic) => topic.name)).toEqual(TOPICS);
    // Half an hour at one record a second for crypto prices, give or take the Poisson noise.
    const crypto = state.topics.find((topic) => topic.name === 'crypto-prices')!;
    expect(crypto.historyRecords).toBeGreaterThan(1_600);
    expect(crypto.historyRecords).toBeLessThan(2_000);
    expect(output).toMatch(/Streams ready: \d+ history records in 2 topics/);

    const admin = new Kafka({ brokers: cluster.bootstrapServers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const [offsets] = await admin.fetchTopicOffsets('crypto-prices');
    await admin.disconnect();
    expect(BigInt(offsets.high)).toBeGreaterThanOrEqual(BigInt(crypto.historyRecords));

    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(existsSync(stateFile)).toBe(false);
  });
});
