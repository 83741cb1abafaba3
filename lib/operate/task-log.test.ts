// Following a task's log with Druid's negative offsets, replayed from a log recorded from Druid 33
// (testdata/druid33-tasks: the running task's log is the beginning of the finished one's).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyLogMessage, followLog, FOLLOW_WINDOW_BYTES, logAdditions, logOffset, SKIPPED_NOTE, TaskLogQuerySchema, type LogSource } from './task-log';

const recorded = (name: string) => readFileSync(path.resolve(__dirname, '../../testdata/druid33-tasks', name), 'utf8');
const RUNNING = recorded('log.running.txt');
const COMPLETE = recorded('log.complete.txt');

/** A task whose log grows through `stages` (whole logs), one stage a read; it finishes at the last. */
function growingLog(stages: string[], window = FOLLOW_WINDOW_BYTES): LogSource & { reads: number } {
  let read = 0;
  return {
    get reads() {
      return read;
    },
    isRunning: async () => read < stages.length - 1,
    readTail: async () => stages[Math.min(read++, stages.length - 1)].slice(-window),
  };
}

async function collect(source: LogSource, sent: string, signal = new AbortController().signal): Promise<string> {
  let out = '';
  for await (const chunk of followLog(source, { sent, signal, intervalMs: 0 })) out += chunk;
  return out;
}

describe('followLog', () => {
  it('sends exactly what the running task logs after the text already sent, until it finishes', async () => {
    const middle = COMPLETE.slice(0, RUNNING.length + Math.floor((COMPLETE.length - RUNNING.length) / 2));
    const source = growingLog([RUNNING, middle, middle, COMPLETE]);
    expect(RUNNING + (await collect(source, RUNNING))).toBe(COMPLETE);
    expect(source.reads).toBe(4);
  });

  it('follows from the end of a log whose beginning was never sent', async () => {
    const tail = RUNNING.slice(-4096);
    expect(await collect(growingLog([RUNNING, COMPLETE]), tail)).toBe(COMPLETE.slice(RUNNING.length));
  });

  it('says where it skipped lines when more was logged between two reads than one read holds', async () => {
    const added = await collect(growingLog([RUNNING, COMPLETE], 2048), RUNNING);
    expect(added).toBe(SKIPPED_NOTE + COMPLETE.slice(-2048));
  });

  it('goes on after a read that fails, and gives up after three in a row', async () => {
    let reads = 0;
    const flaky: LogSource = {
      isRunning: async () => reads < 3,
      readTail: async () => {
        reads += 1;
        if (reads === 1) throw new Error('timed out');
        return COMPLETE;
      },
    };
    expect(await collect(flaky, RUNNING)).toBe(COMPLETE.slice(RUNNING.length));
    const down: LogSource = { isRunning: async () => true, readTail: async () => Promise.reject(new Error('unreachable')) };
    await expect(collect(down, RUNNING)).rejects.toThrow('unreachable');
  });

  it('stops when the reader goes away', async () => {
    const stop = new AbortController();
    const endless: LogSource = { isRunning: async () => true, readTail: async () => RUNNING };
    const chunks = followLog(endless, { sent: RUNNING, signal: stop.signal, intervalMs: 5 });
    setTimeout(() => stop.abort(), 30);
    const result = await chunks.next();
    expect(result.done).toBe(true);
  });

  it('stops after its longest follow even while the task runs', async () => {
    const endless: LogSource = { isRunning: async () => true, readTail: async () => RUNNING };
    let chunks = 0;
    for await (const _ of followLog(endless, { sent: RUNNING, signal: new AbortController().signal, intervalMs: 5, maxMs: 40 })) chunks += 1;
    expect(chunks).toBe(0);
  });
});

describe('logAdditions', () => {
  it('finds where the text sent ends even when its last lines come again after it, as a stack trace does after each parse exception', () => {
    // The repeated block is the stack trace Druid logs after each of the recorded parse exceptions.
    const trace = COMPLETE.slice(COMPLETE.indexOf('\tat '), COMPLETE.indexOf('\tat ') + 4096);
    const known = `${RUNNING}ERROR first\n${trace}`;
    const later = `ERROR second\n${trace}ERROR third\n${trace}`;
    expect(logAdditions(known, (known + later).slice(-FOLLOW_WINDOW_BYTES))).toEqual({ added: later, skipped: false });
  });

  it('finds nothing new when the log has not grown', () => {
    expect(logAdditions(RUNNING, RUNNING.slice(-FOLLOW_WINDOW_BYTES))).toEqual({ added: '', skipped: false });
  });

  it('takes a first read whole', () => {
    expect(logAdditions('', 'line 1\n')).toEqual({ added: 'line 1\n', skipped: false });
  });
});

describe('the log query', () => {
  it("reads the log's last 256 KB unless asked for more, all of it, or a file", () => {
    expect(logOffset(TaskLogQuerySchema.parse({}))).toBe(-256 * 1024);
    expect(logOffset(TaskLogQuerySchema.parse({ tailKb: '8' }))).toBe(-8 * 1024);
    expect(logOffset(TaskLogQuerySchema.parse({ full: '1' }))).toBeUndefined();
    expect(logOffset(TaskLogQuerySchema.parse({ download: '1' }))).toBeUndefined();
    expect(logOffset(TaskLogQuerySchema.parse({ download: '1', tailKb: '4' }))).toBe(-4 * 1024);
    expect(logOffset(TaskLogQuerySchema.parse({ follow: '1', tailKb: '4' }))).toBe(-FOLLOW_WINDOW_BYTES);
  });

  it('turns down a tail that is not a positive number of KB', () => {
    for (const tailKb of ['0', '-5', 'lots', String(1024 * 1024)]) expect(TaskLogQuerySchema.safeParse({ tailKb }).success, tailKb).toBe(false);
  });
});

describe('emptyLogMessage', () => {
  it('says why Druid sent no text and where the task runs', () => {
    expect(emptyLogMessage('t1', '127.0.0.1:8091')).toBe(
      'Druid answered with an empty log for task t1 (it runs on 127.0.0.1:8091): Indexer processes of Druid 33 keep no per-task log; tasks run by a MiddleManager have one.\n',
    );
  });
});
