import { expect, it } from 'vitest';
import { formatAge, formatBytes, formatCount, formatRate, formatTimestamp, formatTopicMessages } from './format';

it('writes the figures of the topic list', () => {
  expect(formatCount('9007199254740993')).toBe('9,007,199,254,740,993');
  expect(formatCount(null)).toBe('—');
  expect(formatRate(0)).toBe('idle');
  expect(formatRate(0.5)).toBe('30.0/min');
  expect(formatRate(1234.4)).toBe('1,234/s');
  expect(formatBytes(2048)).toBe('2.0 KB');
  expect(formatAge(1_000, 3_000_000 + 1_000)).toBe('50 min ago');
  expect(formatTopicMessages({ messages: '10', partitions: [{ messages: '10' }, { messages: null }] })).toBe('≥ 10');
  expect(formatTimestamp(Date.parse('2026-01-02T03:04:05.006Z'))).toBe('2026-01-02 03:04:05.006 UTC');
});
