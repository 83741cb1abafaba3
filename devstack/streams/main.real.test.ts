// devstack/streams/main.ts as the stack runs it, against the stack's real Kafka, writing the
// catalogue's generators into topics of its own (--topic-prefix).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testStack } from '@/testing/real-stack';
import { deleteTopics, stackKafka } from '@/testing/app';
import type { StreamsState } from './main';

const ROOT = path.resolve(__dirname, '../..');
const TOPICS = ['payments', 'crypto-prices'];
const prefix = `streams-main-${Date.now().toString(36)}-`;
const stack = testStack();
const workDir = mkdtempSync(path.join(tmpdir(), 'tributary-streams-'));
let child: ChildProcess | undefined;

const stateSchema = z.object({
  bootstrapServers: z.string().min(1),
  historyHours: z.number().min(0),
  rateScale: z.number().positive(),
  topics: z.array(z.object({ name: z.string(), partitions: z.number().int().min(1), historyRecords: z.number().int().min(0) })),
  historyDoneAt: z.iso.datetime(),
  pid: z.number().int(),
}) satisfies z.ZodType<StreamsState>;

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(workDir, { recursive: true, force: true });
  await deleteTopics(...TOPICS.map((topic) => prefix + topic));
});

async function waitForState(file: string, timeoutMs: number): Promise<StreamsState> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline || child?.exitCode != null) throw new Error(`no streams state in ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

describe('devstack/streams/main.ts', () => {
  it('writes its state once the history is in Kafka, and stops cleanly on SIGTERM', async () => {
    const stateFile = path.join(workDir, 'streams.json');
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'devstack/streams/main.ts', '--bootstrap', stack.kafka.bootstrapServers, '--history-hours', '0.5', '--only', TOPICS.join(','), '--topic-prefix', prefix, '--state', stateFile],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exit = new Promise<number | null>((resolve) => child!.once('exit', resolve));

    const state = await waitForState(stateFile, 30_000);
    expect(state.pid).toBe(child.pid);
    expect(state.topics.map((topic) => topic.name)).toEqual(TOPICS.map((topic) => prefix + topic));
    // Half an hour at one record a second for crypto prices, give or take the Poisson noise.
    const crypto = state.topics.find((topic) => topic.name === `${prefix}crypto-prices`)!;
    expect(crypto.historyRecords).toBeGreaterThan(1_600);
    expect(crypto.historyRecords).toBeLessThan(2_000);
    expect(output).toMatch(/Streams ready: \d+ history records in 2 topics/);

    const admin = stackKafka().admin();
    await admin.connect();
    const [offsets] = await admin.fetchTopicOffsets(crypto.name);
    await admin.disconnect();
    expect(BigInt(offsets.high)).toBeGreaterThanOrEqual(BigInt(crypto.historyRecords));

    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(existsSync(stateFile)).toBe(false);
  });
});
