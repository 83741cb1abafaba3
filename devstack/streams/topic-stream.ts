// One topic's record sequence over time, without Kafka. Records arrive as a Poisson process,
// so traffic looks bursty the way real traffic does yet averages the topic's rate; values come
// from the topic's generator. The runner asks for everything due up to "now", once for the
// history and then every tick, so the two join without a gap or a burst, in time order.
import { seededRng } from './rng';
import type { StreamMessage, StreamTopic } from './types';

export interface TopicStreamOptions {
  /** Where the history begins (epoch millis). */
  startMs: number;
  /** Scales the topic's rate (0.5 halves it). */
  rateScale?: number;
  seed?: number | string;
}

/** One topic's records; takeUntil hands out every record due before a time and not taken yet, in time order. */
export type TopicStream = ReturnType<typeof topicStream>;

export function topicStream(topic: StreamTopic, options: TopicStreamOptions) {
  const seed = `${options.seed ?? 'tributary'}/${topic.name}`;
  const rateScale = options.rateScale ?? 1;
  if (!(rateScale > 0)) throw new Error(`rateScale must be positive, got ${rateScale}`);
  // Separate sources for when and what, so changing a generator does not move arrivals.
  const arrivals = seededRng(`${seed}/arrivals`);
  const values = seededRng(`${seed}/values`);
  const meanGapMs = 1000 / (topic.ratePerSec * rateScale);
  let nextArrivalMs = options.startMs + arrivals.exponential(meanGapMs);
  let headerPending = topic.partitionHeader !== undefined;
  return {
    topic,
    takeUntil(untilMs: number): StreamMessage[] {
      const planned: StreamMessage[] = [];
      if (headerPending) {
        headerPending = false;
        for (let partition = 0; partition < topic.partitions; partition++) {
          planned.push({ value: topic.partitionHeader!, partition, timestamp: options.startMs });
        }
      }
      while (nextArrivalMs < untilMs) {
        planned.push(topic.generate(values, Math.floor(nextArrivalMs)));
        nextArrivalMs += arrivals.exponential(meanGapMs);
      }
      return planned;
    },
  };
}
