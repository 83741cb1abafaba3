// Payments in the shape of seed 003 (a ksqlDB stream: name VARCHAR, amount INTEGER). The
// value has no time field: the Kafka record timestamp is the event time.
import type { StreamTopic } from '../types';

export const PAYERS = ['Alice', 'Bob', 'Carol', 'Dave', 'Eve'] as const;

export const payments: StreamTopic = {
  name: 'payments',
  partitions: 3,
  ratePerSec: 2,
  generate(rng, arrivalMs) {
    const name = rng.pick(PAYERS);
    const value = { name, amount: rng.int(10, 500) };
    // Keyed by payer, as a ksqlDB stream partitioned by name would be.
    return { value: JSON.stringify(value), key: name, timestamp: arrivalMs };
  },
};
