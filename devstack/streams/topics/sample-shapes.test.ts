// The generated topics carry exactly the shapes of the seed samples in testdata/samples,
// so what the Load wizard infers on the local stack is what it would infer on the seeds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../rng';
import type { StreamTopic } from '../types';
import { adClicks } from './ad-clicks';
import { connectEnvelopes } from './connect-envelopes';
import { cryptoPrices } from './crypto-prices';
import { payments } from './payments';
import { webClickstream } from './web-clickstream';

const SAMPLES = path.resolve(__dirname, '../../../testdata/samples');
const START_MS = Date.parse('2026-11-20T12:00:00Z');

function sampleValues(name: string): Record<string, unknown>[] {
  return readFileSync(path.join(SAMPLES, name, 'messages.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

function generated(topic: StreamTopic, count = 500) {
  const rng = seededRng('shapes');
  return Array.from({ length: count }, (_, i) => topic.generate(rng, START_MS + i * 1000));
}

function values(topic: StreamTopic, count?: number): Record<string, unknown>[] {
  return generated(topic, count).map((message) => JSON.parse(String(message.value)));
}

/** Field names and JSON types, e.g. { time: 'string', latencyMs: 'number' }. */
function shape(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, field === null ? 'null' : typeof field]));
}

function distinctShapes(rows: Record<string, unknown>[]): string[] {
  return [...new Set(rows.map((row) => JSON.stringify(shape(row))))];
}

describe('seed sample shapes', () => {
  it('web clickstream: ISO time, url, user, latencyMs, with user "roni" and the seed urls', () => {
    const rows = values(webClickstream);
    expect(distinctShapes(rows)).toEqual(distinctShapes(sampleValues('seed000-clickstream')));
    expect(rows.every((row) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(row.time as string))).toBe(true);
    expect(rows.some((row) => row.user === 'roni')).toBe(true);
    const sampleUrls = new Set(sampleValues('seed000-clickstream').map((row) => row.url));
    expect(rows.every((row) => sampleUrls.has(row.url))).toBe(true);
    expect(rows.every((row) => Number.isInteger(row.latencyMs) && (row.latencyMs as number) > 0)).toBe(true);
  });

  it('ad clicks: epoch millis and click counter both arrive as strings', () => {
    const rows = values(adClicks);
    expect(distinctShapes(rows)).toEqual(distinctShapes(sampleValues('seed001-adclicks')));
    expect(rows.every((row) => typeof row.timestamp === 'string' && /^\d{13}$/.test(row.timestamp))).toBe(true);
    expect(new Set(rows.map((row) => row.click))).toEqual(new Set(['0', '1']));
  });

  it('crypto prices: epoch seconds, not millis', () => {
    const messages = generated(cryptoPrices);
    const rows = messages.map((message) => JSON.parse(String(message.value)));
    expect(distinctShapes(rows)).toEqual(distinctShapes(sampleValues('seed004-crypto')));
    messages.forEach((message, i) => expect(rows[i].timestamp).toBe(Math.floor(message.timestamp / 1000)));
    expect(new Set(rows.map((row) => row.name))).toEqual(new Set(['BTC', 'ETH', 'BTT', 'DOT']));
  });

  it('payments: name and amount only; the record timestamp is the event time', () => {
    const messages = generated(payments);
    const rows = messages.map((message) => JSON.parse(String(message.value)));
    expect(distinctShapes(rows)).toEqual(distinctShapes(sampleValues('seed003-payments')));
    expect(rows.every((row) => Number.isInteger(row.amount))).toBe(true);
    messages.forEach((message, i) => expect(message.key).toBe(rows[i].name));
  });

  it('connect envelopes: the seed schema, and a payload whose Date and Timestamp follow the record time', () => {
    const sample = sampleValues('seed002-connect-envelope');
    const messages = generated(connectEnvelopes);
    const rows = messages.map((message) => JSON.parse(String(message.value)));
    expect(distinctShapes(rows)).toEqual(['{"schema":"object","payload":"object"}']);
    for (const row of rows) expect(row.schema).toEqual(sample[0].schema);
    expect(distinctShapes(rows.map((row) => row.payload))).toEqual(distinctShapes(sample.map((row) => row.payload as Record<string, unknown>)));
    messages.forEach((message, i) => {
      expect(rows[i].payload.c9_timestamp).toBe(message.timestamp);
      expect(rows[i].payload.c8_date).toBe(Math.floor(message.timestamp / 86_400_000));
    });
    // Floats stay floats in the JSON text, as in the sample.
    expect(messages.every((message) => /"c4_float":\d+\.\d/.test(String(message.value)))).toBe(true);
  });
});
