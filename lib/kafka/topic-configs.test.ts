// What DescribeConfigs is asked, and how a topic's retention and cleanup policy read on the topic page.
import { versions, protocol } from 'kafkajs/src/protocol/requests/describeConfigs';
import { describe, expect, it } from 'vitest';
import { describeTopic } from './catalogue';
import { formatRetentionBytes, formatRetentionMs, topicConfigsRequest, topicRetention } from './topic-configs';
import { InMemoryKafka, partitionWith } from './testing/in-memory-kafka';

describe('topicConfigsRequest', () => {
  it('asks for every setting of the topic in a request kafkajs encodes at each DescribeConfigs version', async () => {
    expect(versions.length).toBeGreaterThan(0);
    for (const version of versions) {
      const { buffer } = await protocol({ version })(topicConfigsRequest('orders')).request.encode();
      // [resources] = 1; resource_type INT8 = 2 (topic); resource_name; config_names = null (-1): all of them.
      expect(buffer.readInt32BE(0)).toBe(1);
      expect(buffer.readInt8(4)).toBe(2);
      const nameLength = buffer.readInt16BE(5);
      expect(buffer.subarray(7, 7 + nameLength).toString()).toBe('orders');
      expect(buffer.readInt32BE(7 + nameLength)).toBe(-1);
    }
  });
});

describe('retention in words', () => {
  it.each([
    ['604800000', '7 days'],
    ['86400000', '1 day'],
    ['129600000', '36 hours'],
    ['-1', 'forever'],
    ['90000', '90 seconds'],
    ['1500', '1,500 milliseconds'],
    ['0', '0 milliseconds'],
    [null, 'unknown'],
  ])('retention.ms %s is %s', (value, words) => expect(formatRetentionMs(value)).toBe(words));

  it.each([
    ['-1', 'unlimited'],
    ['1073741824', '1 GiB'],
    ['1610612736', '1.5 GiB'],
    ['52428800', '50 MiB'],
    ['512', '512 bytes'],
  ])('retention.bytes %s is %s', (value, words) => expect(formatRetentionBytes(value)).toBe(words));

  it('says the cleanup policy as Kafka lists it', () => {
    expect(topicRetention({ 'cleanup.policy': 'compact,delete', 'retention.ms': '-1', 'retention.bytes': '-1' })).toEqual({
      time: 'forever',
      size: 'unlimited',
      cleanupPolicy: 'compact, delete',
    });
    expect(topicRetention(null)).toBeNull();
  });
});

describe('describeTopic', () => {
  it('gives retention and cleanup policy from all the settings a Kafka 4 broker returns', async () => {
    const configs = {
      'cleanup.policy': 'delete',
      'retention.ms': '604800000',
      'retention.bytes': '-1',
      'segment.bytes': '1073741824',
      'message.timestamp.type': 'CreateTime',
      'max.message.bytes': '1048588',
      'compression.type': 'producer',
      'min.insync.replicas': '1',
    };
    const kafka = new InMemoryKafka({ orders: [partitionWith([0, 1, 2])] }, { honoursTimestamps: true, configs });
    const detail = await describeTopic(kafka, 'orders');
    expect(detail.configs).toEqual({
      'cleanup.policy': 'delete',
      'retention.ms': '604800000',
      'retention.bytes': '-1',
      'message.timestamp.type': 'CreateTime',
      'max.message.bytes': '1048588',
      'compression.type': 'producer',
    });
    expect(detail.retention).toEqual({ time: '7 days', size: 'unlimited', cleanupPolicy: 'delete' });
    expect(detail.configNote).toBeUndefined();
  });
});
