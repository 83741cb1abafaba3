import { describe, expect, it } from 'vitest';
import { allocateFairly } from './allocation';

describe('allocateFairly', () => {
  it('splits evenly when every partition has enough', () => {
    expect(allocateFairly([1000n, 1000n, 1000n, 1000n], 500)).toEqual([125, 125, 125, 125]);
  });

  it('gives what small partitions cannot use to the larger ones', () => {
    expect(allocateFairly([10n, 0n, 1000n, 1000n], 500)).toEqual([10, 0, 245, 245]);
  });

  it('takes everything when the partitions hold less than the limit', () => {
    expect(allocateFairly([3n, 4n], 500)).toEqual([3, 4]);
  });

  it('hands out the remainder one by one so the total is exact', () => {
    const shares = allocateFairly([100n, 100n, 100n], 10);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(10);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
  });

  it('handles offsets beyond 2^53 exactly', () => {
    expect(allocateFairly([2n ** 62n, 5n], 100)).toEqual([95, 5]);
  });
});
