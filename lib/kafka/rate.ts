// Recent message rate of a topic from the change in its end offsets between two observations.
// Kept in server memory: the first look at a topic has no rate, later looks compare with the last.

/** Closer observations than this give a noisy rate; the previous rate stands instead. */
const MIN_INTERVAL_MS = 1_000;

interface Observation {
  readonly at: number;
  readonly endOffsetSum: bigint;
  readonly ratePerSec: number | null;
}

export class RateTracker {
  private readonly last = new Map<string, Observation>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records the sum of a topic's end offsets and returns messages per second since the previous observation. */
  observe(topic: string, endOffsetSum: bigint): number | null {
    const at = this.now();
    const previous = this.last.get(topic);
    if (previous && at - previous.at < MIN_INTERVAL_MS) return previous.ratePerSec;
    let ratePerSec: number | null = null;
    // A smaller sum means the topic was deleted and recreated: start over rather than report a negative rate.
    if (previous && endOffsetSum >= previous.endOffsetSum) {
      ratePerSec = Number(endOffsetSum - previous.endOffsetSum) / ((at - previous.at) / 1000);
    }
    this.last.set(topic, { at, endOffsetSum, ratePerSec });
    return ratePerSec;
  }
}
