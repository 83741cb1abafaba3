import { describe, expect, it } from 'vitest';
import { STREAM_TOPICS } from '../streams/catalogue';
import { parseKafkaArgs } from './args';

describe('parseKafkaArgs', () => {
  it('creates the stream topics plus explicit ones, the explicit partition count winning', () => {
    const args = parseKafkaArgs(['--brokers', '2', '--state', 's.json', '--control-port', '0', '--topics', 'streams', '--topic', 'orders:4', '--topic', 'payments:9']);
    expect(args).toMatchObject({ brokers: 2, stateFile: 's.json', controlPort: 0 });
    expect(args.topics).toHaveLength(STREAM_TOPICS.length + 1);
    expect(args.topics).toContainEqual({ name: 'orders', partitions: 4 });
    expect(args.topics).toContainEqual({ name: 'payments', partitions: 9 });
  });

  it('creates no topics unless asked', () => {
    expect(parseKafkaArgs([]).topics).toEqual([]);
  });

  it('names the flag that is wrong', () => {
    expect(() => parseKafkaArgs(['--topic', 'orders'])).toThrow('--topic orders: expected name:partitions, e.g. orders:4');
    expect(() => parseKafkaArgs(['--topic', 'orders:zero'])).toThrow(/^--topic orders:zero: partitions: /);
    expect(() => parseKafkaArgs(['--brokers', '0'])).toThrow(/^--brokers: Too small/);
    expect(() => parseKafkaArgs(['--topics', 'all'])).toThrow(/^--topics: /);
    expect(() => parseKafkaArgs(['--partitions', '3'])).toThrow(/Unknown option '--partitions'/);
  });
});
