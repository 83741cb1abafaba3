// One topic's record sequence over time, without Kafka: arrivals from the topic's clock,
// values from its generator. The runner asks it for everything due up to "now", once for
// the history and then every tick, so the records come out in time order.
import { ArrivalClock } from './arrivals';
import { seededRng, type Rng } from './rng';
import type { StreamMessage, StreamTopic } from './types';

/** A record bound for one partition; without `partition` the producer's partitioner chooses. */
export interface PlannedMessage extends StreamMessage {
  partition?: number;
}

export interface TopicStreamOptions {
  /** Where the history begins (epoch millis). */
  startMs: number;
  /** Scales the topic's rate (0.5 halves it). */
  rateScale?: number;
  seed?: number | string;
}

export class TopicStream {
  private readonly clock: ArrivalClock;
  private readonly values: Rng;
  private headerPending: boolean;

  constructor(
    readonly topic: StreamTopic,
    private readonly options: TopicStreamOptions,
  ) {
    const seed = `${options.seed ?? 'tributary'}/${topic.name}`;
    const rateScale = options.rateScale ?? 1;
    if (!(rateScale > 0)) throw new Error(`rateScale must be positive, got ${rateScale}`);
    // Separate sources for when and what, so changing a generator does not move arrivals.
    this.clock = new ArrivalClock(seededRng(`${seed}/arrivals`), options.startMs, topic.ratePerSec * rateScale);
    this.values = seededRng(`${seed}/values`);
    this.headerPending = topic.partitionHeader !== undefined;
  }

  /** Every record due before untilMs that has not been taken yet, in time order. */
  takeUntil(untilMs: number): PlannedMessage[] {
    const planned: PlannedMessage[] = [];
    if (this.headerPending) {
      this.headerPending = false;
      for (let partition = 0; partition < this.topic.partitions; partition++) {
        planned.push({ value: this.topic.partitionHeader!, partition, timestamp: this.options.startMs });
      }
    }
    for (const arrivalMs of this.clock.takeUntil(untilMs)) {
      planned.push(this.topic.generate(this.values, arrivalMs));
    }
    return planned;
  }
}
