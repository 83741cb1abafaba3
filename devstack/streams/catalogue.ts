// Every topic the local stack keeps alive. The stream runner creates them with these
// partition counts and fills them.
import { adClicks } from './topics/ad-clicks';
import { appEventsDirty } from './topics/app-events-dirty';
import { connectEnvelopes } from './topics/connect-envelopes';
import { cryptoPrices } from './topics/crypto-prices';
import { debeziumCustomers } from './topics/debezium-customers';
import { payments } from './topics/payments';
import { sensorReadingsCsv } from './topics/sensor-readings-csv';
import { webAccessLog } from './topics/web-access-log';
import { webClickstream } from './topics/web-clickstream';
import type { StreamTopic } from './types';

export const STREAM_TOPICS: readonly StreamTopic[] = [
  webClickstream,
  adClicks,
  cryptoPrices,
  payments,
  connectEnvelopes,
  sensorReadingsCsv,
  appEventsDirty,
  debeziumCustomers,
  webAccessLog,
];

/** The catalogue's topics named in `only` (all when it is empty), or an error naming the unknown ones. */
export function selectStreamTopics(only: readonly string[] = []): StreamTopic[] {
  if (only.length === 0) return [...STREAM_TOPICS];
  const known = new Map(STREAM_TOPICS.map((topic) => [topic.name, topic]));
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`unknown stream topic ${unknown.join(', ')}; known topics: ${[...known.keys()].join(', ')}`);
  }
  return only.map((name) => known.get(name)!);
}
