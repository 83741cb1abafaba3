// The shape every stream topic module exports: a pure message generator plus the
// facts the catalogue needs (name, partition count, rate).
import type { Rng } from './rng';

/** One Kafka record to produce. `timestamp` is the record timestamp in epoch millis. */
export interface StreamMessage {
  value: string | Buffer;
  key?: string;
  headers?: Record<string, string>;
  timestamp: number;
  /** Without it the producer's partitioner chooses. */
  partition?: number;
}

export interface StreamTopic {
  readonly name: string;
  readonly partitions: number;
  /** Average messages per second, both for the history and in real time. */
  readonly ratePerSec: number;
  /**
   * Builds the record that arrives at `arrivalMs`. Pure: the same rng state and time give the
   * same record. The record timestamp is the arrival time; the value may carry an earlier event
   * time (late events).
   */
  generate(rng: Rng, arrivalMs: number): StreamMessage;
  /** Written first on every partition, before any history (a CSV header line). */
  readonly partitionHeader?: string;
}
