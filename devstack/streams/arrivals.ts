// When records arrive: a Poisson process per topic, so traffic looks bursty the way real
// traffic does, yet averages the topic's rate. The same clock serves the history (one long
// stretch) and real time (short ticks), so the two join without a gap or a burst.
import type { Rng } from './rng';

export class ArrivalClock {
  private nextArrivalMs: number;
  private readonly meanGapMs: number;

  constructor(
    private readonly rng: Rng,
    startMs: number,
    ratePerSec: number,
  ) {
    if (!(ratePerSec > 0)) throw new Error(`ratePerSec must be positive, got ${ratePerSec}`);
    this.meanGapMs = 1000 / ratePerSec;
    this.nextArrivalMs = startMs + this.gap();
  }

  /** Arrival times (whole epoch millis, ascending) before untilMs not returned yet. */
  takeUntil(untilMs: number): number[] {
    const times: number[] = [];
    while (this.nextArrivalMs < untilMs) {
      times.push(Math.floor(this.nextArrivalMs));
      this.nextArrivalMs += this.gap();
    }
    return times;
  }

  private gap(): number {
    return this.rng.exponential(this.meanGapMs);
  }
}
