// Coin prices in the shape of seed 004 (Airflow -> Kafka -> Druid): data_id is the price,
// timestamp is epoch seconds, which must be read as posix rather than millis.
import type { StreamTopic } from '../types';

export const CRYPTO_COINS = ['BTC', 'ETH', 'BTT', 'DOT'] as const;

export const cryptoPrices: StreamTopic = {
  name: 'crypto-prices',
  partitions: 1,
  ratePerSec: 1,
  generate(rng, arrivalMs) {
    const value = {
      data_id: rng.int(1, 200),
      name: rng.pick(CRYPTO_COINS),
      timestamp: Math.floor(arrivalMs / 1000),
    };
    return { value: JSON.stringify(value), timestamp: arrivalMs };
  },
};
