// Kafka Connect JSON with schemas.enable=true, in the shape of seed 002 (OpenMLDB's
// connector): every value is { schema, payload }. The schema names the Connect logical
// types: Date is days since the epoch, Timestamp is epoch millis.
import type { StreamTopic } from '../types';

const MS_PER_DAY = 86_400_000;

const CONNECT_SCHEMA = {
  type: 'struct',
  fields: [
    { type: 'int16', optional: true, field: 'c1_int16' },
    { type: 'int32', optional: true, field: 'c2_int32' },
    { type: 'int64', optional: true, field: 'c3_int64' },
    { type: 'float', optional: true, field: 'c4_float' },
    { type: 'double', optional: true, field: 'c5_double' },
    { type: 'boolean', optional: true, field: 'c6_boolean' },
    { type: 'string', optional: true, field: 'c7_string' },
    { type: 'int64', name: 'org.apache.kafka.connect.data.Date', optional: true, field: 'c8_date' },
    { type: 'int64', name: 'org.apache.kafka.connect.data.Timestamp', optional: true, field: 'c9_timestamp' },
  ],
  optional: false,
  name: 'foobar',
};

export const connectEnvelopes: StreamTopic = {
  name: 'connect-envelopes',
  partitions: 2,
  ratePerSec: 1,
  generate(rng, arrivalMs) {
    const payload = {
      c1_int16: rng.int(-100, 100),
      c2_int32: rng.int(0, 999_999),
      // Below 2^53, so every JSON reader keeps it exact.
      c3_int64: rng.int(100_000_000_000, 999_999_999_999),
      // Never whole numbers, so a reader of the JSON text sees decimals as the sample shows.
      c4_float: (rng.int(0, 9) * 10 + rng.int(1, 9)) / 10,
      c5_double: Number((rng.int(0, 99) + rng.int(1, 999) / 1000).toFixed(3)),
      c6_boolean: rng.chance(0.5),
      c7_string: `c${rng.int(10_000, 99_999)}`,
      c8_date: Math.floor(arrivalMs / MS_PER_DAY),
      c9_timestamp: arrivalMs,
    };
    return { value: JSON.stringify({ schema: CONNECT_SCHEMA, payload }), timestamp: arrivalMs };
  },
};
