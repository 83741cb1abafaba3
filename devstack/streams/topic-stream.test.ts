import { describe, expect, it } from 'vitest';
import { STREAM_TOPICS, selectStreamTopics } from './catalogue';
import { topicStream } from './topic-stream';
import { cryptoPrices } from './topics/crypto-prices';
import { sensorReadingsCsv } from './topics/sensor-readings-csv';
import { webClickstream } from './topics/web-clickstream';

const HOUR_MS = 3_600_000;
const END_MS = Date.parse('2026-11-21T06:00:00Z');

describe('TopicStream history', () => {
  it('covers the requested hours in time order at the topic rate', () => {
    const stream = topicStream(webClickstream, { startMs: END_MS - 3 * HOUR_MS });
    const history = stream.takeUntil(END_MS);
    const times = history.map((message) => message.timestamp);
    expect(times.every((time, i) => i === 0 || time >= times[i - 1])).toBe(true);
    expect(times[0] - (END_MS - 3 * HOUR_MS)).toBeLessThan(10_000);
    expect(END_MS - times[times.length - 1]).toBeLessThan(10_000);
    const expected = webClickstream.ratePerSec * 3 * 3600;
    expect(history.length).toBeGreaterThan(expected * 0.95);
    expect(history.length).toBeLessThan(expected * 1.05);
  });

  it('continues in real time where the history stopped, without repeating or skipping', () => {
    const whole = topicStream(cryptoPrices, { startMs: END_MS - HOUR_MS, seed: 7 }).takeUntil(END_MS + 60_000);
    const split = topicStream(cryptoPrices, { startMs: END_MS - HOUR_MS, seed: 7 });
    const history = split.takeUntil(END_MS);
    const live = [...split.takeUntil(END_MS + 20_000), ...split.takeUntil(END_MS + 20_500), ...split.takeUntil(END_MS + 60_000)];
    expect([...history, ...live]).toEqual(whole);
    expect(live.every((message) => message.timestamp >= END_MS)).toBe(true);
  });

  it('scales the rate and reproduces the same records from the same seed', () => {
    const make = (rateScale: number, seed: string) => topicStream(cryptoPrices, { startMs: END_MS - HOUR_MS, rateScale, seed }).takeUntil(END_MS);
    expect(make(0.5, 'a').length).toBeLessThan(make(1, 'a').length * 0.6);
    expect(make(1, 'a')).toEqual(make(1, 'a'));
    expect(make(1, 'a')).not.toEqual(make(1, 'b'));
  });

  it('starts every CSV partition with the header line, once', () => {
    const stream = topicStream(sensorReadingsCsv, { startMs: END_MS - HOUR_MS });
    const first = stream.takeUntil(END_MS);
    const headers = first.filter((message) => message.value === sensorReadingsCsv.partitionHeader);
    expect(headers.map((message) => message.partition)).toEqual([0, 1]);
    expect(first.slice(0, 2)).toEqual(headers);
    expect(stream.takeUntil(END_MS + 60_000).some((message) => message.value === sensorReadingsCsv.partitionHeader)).toBe(false);
  });
});

describe('stream catalogue', () => {
  it('names each topic once, with valid Kafka topic names and a modest rate', () => {
    const names = STREAM_TOPICS.map((topic) => topic.name);
    expect(new Set(names).size).toBe(names.length);
    for (const topic of STREAM_TOPICS) {
      expect(topic.name).toMatch(/^[a-zA-Z0-9._-]+$/);
      expect(topic.ratePerSec).toBeGreaterThan(0);
      expect(topic.ratePerSec).toBeLessThanOrEqual(5);
    }
    expect(Object.fromEntries(STREAM_TOPICS.map((topic) => [topic.name, topic.partitions]))).toMatchObject({
      'web-clickstream': 6,
      'ad-clicks': 3,
      'crypto-prices': 1,
      payments: 3,
      'connect-envelopes': 2,
      'sensor-readings-csv': 2,
      'app-events-dirty': 2,
    });
  });

  it('selects topics by name and names the unknown ones', () => {
    expect(selectStreamTopics(['payments']).map((topic) => topic.name)).toEqual(['payments']);
    expect(selectStreamTopics([])).toHaveLength(STREAM_TOPICS.length);
    expect(() => selectStreamTopics(['payments', 'orders'])).toThrow(/unknown stream topic orders; known topics: web-clickstream/);
  });
});
