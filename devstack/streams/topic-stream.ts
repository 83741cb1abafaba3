// One topic's record sequence over time, without Kafka. Records arrive as a Poisson process,
// so traffic looks bursty the way real traffic does yet averages the topic's rate; values come
// from the topic's generator. The runner asks for everything due up to "now", once for the
// history and then every tick, so the two join without a gap or a burst, in time order.
import { seededRng, type Rng } from './rng';
import type { StreamMessage, StreamTopic } from './types';

export interface TopicStreamOptions {
  /** Where the history begins (epoch millis). */
  startMs: number;
  /** Scales the topic's rate (0.5 halves it). */
  rateScale?: number;
  seed?: number | string;
}

export class TopicStream {
  private readonly arrivals: Rng;
  private readonly values: Rng;
  private readonly meanGapMs: number;
  private nextArrivalMs: number;
  private headerPending: boolean;

  constructor(
    readonly topic: StreamTopic,
    private readonly options: TopicStreamOptions,
  ) {
    const seed = `${options.seed ?? 'tributary'}/${topic.name}`;
    const rateScale = options.rateScale ?? 1;
    if (!(rateScale > 0)) throw new Error(`rateScale must be positive, got ${rateScale}`);
    // Separate sources for when and what, so changing a generator does not move arrivals.
    this.arrivals = seededRng(`${seed}/arrivals`);
    this.values = seededRng(`${seed}/values`);
    this.meanGapMs = 1000 / (topic.ratePerSec * rateScale);
    this.nextArrivalMs = options.startMs + this.arrivals.exponential(this.meanGapMs);
    this.headerPending = topic.partitionHeader !== undefined;
  }

  /** Every record due before untilMs that has not been taken yet, in time order. */
  takeUntil(untilMs: number): StreamMessage[] {
    const planned: StreamMessage[] = [];
    if (this.headerPending) {
      this.headerPending = false;
      for (let partition = 0; partition < this.topic.partitions; partition++) {
        planned.push({ value: this.topic.partitionHeader!, partition, timestamp: this.options.startMs });
      }
    }
    while (this.nextArrivalMs < untilMs) {
      planned.push(this.topic.generate(this.values, Math.floor(this.nextArrivalMs)));
      this.nextArrivalMs += this.arrivals.exponential(this.meanGapMs);
    }
    return planned;
  }
}
