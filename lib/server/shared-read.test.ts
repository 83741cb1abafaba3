import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { processWide, sharedReads, whileWatched } from './shared-read';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('sharedReads', () => {
  it('reads once per period however many callers ask, and answers them without waiting', async () => {
    const reads = sharedReads<number>(5_000);
    let count = 0;
    const read = async () => ++count;
    expect(await Promise.all([reads.get('a', read), reads.get('a', read)])).toEqual([1, 1]);
    for (let second = 1; second <= 12; second++) {
      await vi.advanceTimersByTimeAsync(1_000);
      // Twenty viewers polling every second.
      for (let viewer = 0; viewer < 20; viewer++) await reads.get('a', read);
    }
    // The first read, then one at 5 s and one at 10 s.
    expect(count).toBe(3);
    expect(await reads.get('a', read)).toBe(3);
    expect(await reads.get('b', read)).toBe(4);
  });

  it('keeps serving the last answer while the next read runs', async () => {
    const reads = sharedReads<string>(1_000);
    let release: (value: string) => void = () => undefined;
    expect(await reads.get('a', async () => 'first')).toBe('first');
    const slow = () => new Promise<string>((resolve) => (release = resolve));
    reads.get('a', slow);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await reads.get('a', slow)).toBe('first');
    release('second');
    await vi.advanceTimersByTimeAsync(0);
    expect(await reads.get('a', slow)).toBe('second');
  });

  it('gives the latest failure to callers until a read succeeds, and forgets a failed first read', async () => {
    const reads = sharedReads<string>(1_000);
    await expect(reads.get('a', () => Promise.reject(new Error('Druid is down')))).rejects.toThrow('Druid is down');
    expect(await reads.get('a', async () => 'back')).toBe('back');
    let up = false;
    const flaky = async () => (up ? 'up again' : Promise.reject(new Error('Druid is down')));
    reads.get('a', flaky);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(reads.get('a', flaky)).rejects.toThrow('Druid is down');
    up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await reads.get('a', flaky)).toBe('up again');
  });

  it('stops reading a key nobody asks for, and reads anew after forget', async () => {
    const reads = sharedReads<number>(1_000, { idleMs: 3_000 });
    let count = 0;
    const read = async () => ++count;
    await reads.get('a', read);
    await vi.advanceTimersByTimeAsync(10_000);
    // Reads at 1, 2 and 3 s; dropped at 4 s.
    expect(count).toBe(4);
    expect(await reads.get('a', read)).toBe(5);
    reads.forget('a');
    expect(await reads.get('a', read)).toBe(6);
  });
});

describe('processWide', () => {
  it('gives every caller of a name the same instance', () => {
    const one = processWide('test.shared-read', () => ({}));
    expect(processWide('test.shared-read', () => ({}))).toBe(one);
  });
});

describe('whileWatched', () => {
  it('stops waiting for a viewer who leaves, while another viewer of the same read gets its answer', async () => {
    let finish!: (value: number) => void;
    const shared = new Promise<number>((resolve) => (finish = resolve));
    const leaving = new AbortController();
    const gone = whileWatched(shared, leaving.signal);
    const staying = whileWatched(shared, new AbortController().signal);
    leaving.abort(new Error('the viewer left'));
    await expect(gone).rejects.toThrow('the viewer left');
    finish(7);
    expect(await staying).toBe(7);
  });
});
