import { describe, expect, it } from 'vitest';
import { parseStreamsArgs } from './args';

describe('parseStreamsArgs', () => {
  it('reads the flags with their defaults', () => {
    expect(parseStreamsArgs(['--bootstrap', '127.0.0.1:9092,127.0.0.1:9093', '--only', 'payments, ad-clicks'])).toEqual({
      bootstrapServers: '127.0.0.1:9092,127.0.0.1:9093',
      historyHours: 3,
      rateScale: 1,
      only: ['payments', 'ad-clicks'],
      topicPrefix: undefined,
      stateFile: undefined,
      seed: undefined,
      parentPid: undefined,
    });
  });

  it('takes a topic prefix for writing the catalogue topics under other names', () => {
    expect(parseStreamsArgs(['--bootstrap', 'h:1', '--topic-prefix', 'test-1.']).topicPrefix).toBe('test-1.');
  });

  it('names the flag that is wrong', () => {
    expect(() => parseStreamsArgs([])).toThrow(/^--bootstrap: required/);
    expect(() => parseStreamsArgs(['--bootstrap', 'localhost'])).toThrow('--bootstrap: expected host:port[,host:port...]');
    expect(() => parseStreamsArgs(['--bootstrap', 'h:1', '--rate-scale', '0'])).toThrow(/^--rate-scale: /);
    expect(() => parseStreamsArgs(['--bootstrap', 'h:1', '--history-hours', 'three'])).toThrow(/^--history-hours: /);
    expect(() => parseStreamsArgs(['--bootstrap', 'h:1', '--only', 'payments,orders'])).toThrow(/^--only: unknown stream topic orders/);
    expect(() => parseStreamsArgs(['--bootstrap', 'h:1', '--topic-prefix', 'my topic/'])).toThrow(/^--topic-prefix: letters, digits/);
  });
});
