// Mobile app events in clean JSON, except for about 2% of records that are broken the ways
// real topics break: JSON cut off mid-record, bytes that are not UTF-8, and empty values.
// Druid counts these as unparseable; the sampler and inference must survive them.
import type { Rng } from '../rng';
import type { StreamTopic } from '../types';

export const MALFORMED_SHARE = 0.02;
const MALFORMATIONS = ['truncated-json', 'invalid-utf8', 'empty'] as const;
const EVENTS = ['app_open', 'screen_view', 'add_to_cart', 'purchase', 'app_close'] as const;
const OS = ['android', 'ios'] as const;

export const appEventsDirty: StreamTopic = {
  name: 'app-events-dirty',
  partitions: 2,
  ratePerSec: 1,
  generate(rng, arrivalMs) {
    const deviceId = `d-${rng.int(1000, 9999)}`;
    const event = {
      ts: new Date(arrivalMs).toISOString(),
      device_id: deviceId,
      os: rng.pick(OS),
      event: rng.pick(EVENTS),
      battery_pct: rng.int(1, 100),
    };
    const json = JSON.stringify(event);
    const value = rng.chance(MALFORMED_SHARE) ? malform(rng, json) : json;
    return { value, key: deviceId, timestamp: arrivalMs };
  },
};

function malform(rng: Rng, json: string): string | Buffer {
  const kind = rng.pick(MALFORMATIONS);
  if (kind === 'truncated-json') return json.slice(0, rng.int(1, json.length - 2));
  if (kind === 'empty') return Buffer.alloc(0);
  // 0xC3 starts a two-byte sequence that 0x28 cannot continue; 0xFF never occurs in UTF-8.
  return Buffer.concat([Buffer.from(json.slice(0, 20)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(json.slice(20))]);
}
