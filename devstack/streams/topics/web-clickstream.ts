// Page views with their latency, in the shape of seed 000 (Druid's Kafka ingestion
// how-to): ISO time, url, user, latencyMs. The seed's query searches for user "roni".
import { eventTimeFor } from '../late-events';
import type { StreamTopic } from '../types';

export const CLICKSTREAM_USERS = ['brozo', 'roni', 'li', 'kim', 'ana', 'ola'] as const;
export const CLICKSTREAM_URLS = ['/', '/foo/bar', '/login', '/pricing', '/docs'] as const;
const EDGES = ['edge-eu-1', 'edge-us-1', 'edge-ap-1'] as const;

export const webClickstream: StreamTopic = {
  name: 'web-clickstream',
  partitions: 6,
  ratePerSec: 3,
  generate(rng, arrivalMs) {
    const eventTimeMs = eventTimeFor(rng, arrivalMs);
    // Latency has a long tail: most pages are quick, a few are slow.
    const latencyMs = Math.min(5000, Math.round(15 + rng.exponential(250)));
    const value = {
      // "2020-03-19T09:57:58Z": whole seconds, as in the seed.
      time: `${new Date(eventTimeMs).toISOString().slice(0, 19)}Z`,
      url: rng.pick(CLICKSTREAM_URLS),
      user: rng.pick(CLICKSTREAM_USERS),
      latencyMs,
    };
    return { value: JSON.stringify(value), headers: { edge: rng.pick(EDGES) }, timestamp: arrivalMs };
  },
};
