// Debezium change events for a customers table, as its MySQL connector writes them with
// JSON schemas disabled: op (c/u/d), before/after row images, source metadata whose ts_ms
// is the commit time, and the connector's own ts_ms. The topic name follows Debezium's
// <server>.<database>.<table> convention.
import type { StreamTopic } from '../types';

const FIRST_NAMES = ['Sally', 'George', 'Edward', 'Anne', 'Mei', 'Olu', 'Priya', 'Tomas'] as const;
const LAST_NAMES = ['Thomas', 'Bailey', 'Walker', 'Kretchmar', 'Chen', 'Adeyemi', 'Rao', 'Novak'] as const;
const TIERS = ['free', 'pro', 'enterprise'] as const;
const FIRST_CUSTOMER_ID = 1001;
const LAST_CUSTOMER_ID = 1999;
const MYSQL_SERVER_ID = 223344;

export const debeziumCustomers: StreamTopic = {
  name: 'dbserver1.inventory.customers',
  partitions: 2,
  ratePerSec: 1,
  generate(rng, arrivalMs) {
    const id = rng.int(FIRST_CUSTOMER_ID, LAST_CUSTOMER_ID);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const row = {
      id,
      first_name: first,
      last_name: last,
      email: `${first}.${last}.${id}@example.com`.toLowerCase(),
      tier: rng.pick(TIERS),
    };
    const roll = rng.next();
    const op = roll < 0.35 ? 'c' : roll < 0.9 ? 'u' : 'd';
    const before = op === 'c' ? null : op === 'u' ? { ...row, tier: rng.pick(TIERS) } : row;
    const after = op === 'd' ? null : row;
    const commitMs = arrivalMs - rng.int(5, 800);
    const value = {
      before,
      after,
      source: {
        version: '2.7.3.Final',
        connector: 'mysql',
        name: 'dbserver1',
        ts_ms: commitMs,
        snapshot: 'false',
        db: 'inventory',
        table: 'customers',
        server_id: MYSQL_SERVER_ID,
        file: 'mysql-bin.000003',
        pos: rng.int(100_000, 9_999_999),
        row: 0,
      },
      op,
      ts_ms: arrivalMs,
      transaction: null,
    };
    return { value: JSON.stringify(value), key: JSON.stringify({ id }), timestamp: arrivalMs };
  },
};
