import { describe, expect, it } from 'vitest';
import { sharedReads } from './shared-read';

describe('sharedReads', () => {
  it('gives callers within the age limit one read, and reads again after it', async () => {
    const reads = sharedReads<number>(1_000);
    let count = 0;
    const read = async () => ++count;
    const answers = await Promise.all([reads.get('a', read, 0), reads.get('a', read, 10), reads.get('a', read, 999)]);
    expect(answers).toEqual([1, 1, 1]);
    expect(await reads.get('a', read, 1_000)).toBe(2);
    expect(await reads.get('b', read, 1_000)).toBe(3);
  });

  it('keeps no failure: the next caller reads again', async () => {
    const reads = sharedReads<string>(1_000);
    await expect(reads.get('a', () => Promise.reject(new Error('Druid is down')), 0)).rejects.toThrow('Druid is down');
    expect(await reads.get('a', async () => 'back', 1)).toBe('back');
  });

  it('reads again after forget, as after an action on the supervisor', async () => {
    const reads = sharedReads<number>(60_000);
    expect(await reads.get('a', async () => 1, 0)).toBe(1);
    reads.forget('a');
    expect(await reads.get('a', async () => 2, 1)).toBe(2);
  });
});
