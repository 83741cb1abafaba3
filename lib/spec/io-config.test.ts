import { describe, expect, it } from 'vitest';
import { bootstrapServersOf, ioConfigSchema } from './io-config';

describe('ioConfig', () => {
  it('splits bootstrap.servers into brokers', () => {
    const io = ioConfigSchema.parse({ consumerProperties: { 'bootstrap.servers': 'hp101:9092, hp102:9092' } });
    expect(bootstrapServersOf(io)).toEqual(['hp101:9092', 'hp102:9092']);
  });

  it("accepts the Overlord's echoed nulls and secret providers in consumerProperties", () => {
    const io = {
      topic: 't',
      consumerProperties: { 'bootstrap.servers': 'k:9092', 'druid.dynamic.config.provider': { type: 'environment', variables: {} } },
      autoScalerConfig: null,
      idleConfig: null,
      lateMessageRejectionPeriod: null,
      stream: 't',
    };
    expect(ioConfigSchema.parse(io)).toEqual(io);
  });

  it('rejects a task count of zero and a non-Kafka type', () => {
    expect(ioConfigSchema.safeParse({ consumerProperties: {}, taskCount: 0 }).success).toBe(false);
    expect(ioConfigSchema.safeParse({ consumerProperties: {}, type: 'kinesis' }).success).toBe(false);
  });
});
