// The topics beyond the seeds: CSV with quoting, malformed records, Debezium change events,
// access-log lines and late events, each checked the way a consumer of them would read it.
import { describe, expect, it } from 'vitest';
import { LATE_EVENT_MAX_DELAY_MS, LATE_EVENT_MIN_DELAY_MS } from '../late-events';
import { seededRng } from '../rng';
import type { StreamMessage, StreamTopic } from '../types';
import { adClicks } from './ad-clicks';
import { appEventsDirty } from './app-events-dirty';
import { debeziumCustomers } from './debezium-customers';
import { SENSOR_CSV_COLUMNS, sensorReadingsCsv } from './sensor-readings-csv';
import { webAccessLog } from './web-access-log';
import { webClickstream } from './web-clickstream';

const START_MS = Date.parse('2026-11-20T12:00:00Z');

function generated(topic: StreamTopic, count: number): StreamMessage[] {
  const rng = seededRng(`inference/${topic.name}`);
  return Array.from({ length: count }, (_, i) => topic.generate(rng, START_MS + i * 500));
}

/** RFC 4180 fields of one line: quoted fields may hold commas and doubled quotes. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  const pattern = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (const match of line.matchAll(pattern)) {
    const raw = match[1];
    fields.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (match[2] === '') break;
  }
  return fields;
}

function decodesAsUtf8(value: string | Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value));
    return true;
  } catch {
    return false;
  }
}

describe('CSV sensor readings', () => {
  const lines = generated(sensorReadingsCsv, 400).map((message) => String(message.value));

  it('has a header line for the start of each partition and rows of the same width', () => {
    expect(csvFields(sensorReadingsCsv.partitionHeader!)).toEqual([...SENSOR_CSV_COLUMNS]);
    for (const line of lines) expect(csvFields(line)).toHaveLength(SENSOR_CSV_COLUMNS.length);
  });

  it('quotes fields holding commas or quotes', () => {
    expect(lines.some((line) => line.includes('"Berlin, Plant 2"'))).toBe(true);
    expect(lines.some((line) => line.includes('"door ""B"" open"'))).toBe(true);
    const notes = lines.map((line) => csvFields(line)[6]);
    expect(notes).toContain('door "B" open');
  });
});

describe('app events with malformed records', () => {
  const messages = generated(appEventsDirty, 10_000);
  const bad = messages.filter((message) => {
    if (!decodesAsUtf8(message.value)) return true;
    try {
      JSON.parse(String(message.value));
      return false;
    } catch {
      return true;
    }
  });

  it('breaks about 2% of records, in all three ways', () => {
    expect(bad.length / messages.length).toBeGreaterThan(0.01);
    expect(bad.length / messages.length).toBeLessThan(0.03);
    expect(bad.some((message) => message.value.length === 0)).toBe(true);
    expect(bad.some((message) => !decodesAsUtf8(message.value))).toBe(true);
    expect(bad.some((message) => typeof message.value === 'string' && message.value.startsWith('{"ts":'))).toBe(true);
  });

  it('keeps every other record as clean JSON with the same fields', () => {
    const good = messages.filter((message) => !bad.includes(message)).map((message) => JSON.parse(String(message.value)));
    expect(new Set(good.map((row) => Object.keys(row).join(',')))).toEqual(new Set(['ts,device_id,os,event,battery_pct']));
  });
});

describe('Debezium customers', () => {
  const rows = generated(debeziumCustomers, 500).map((message) => ({ message, value: JSON.parse(String(message.value)) }));

  it('carries creates, updates and deletes with the row images each op has', () => {
    expect(new Set(rows.map((row) => row.value.op))).toEqual(new Set(['c', 'u', 'd']));
    for (const { value } of rows) {
      if (value.op === 'c') expect([value.before, typeof value.after]).toEqual([null, 'object']);
      if (value.op === 'u') expect(value.before.id).toBe(value.after.id);
      if (value.op === 'd') expect([typeof value.before, value.after]).toEqual(['object', null]);
    }
  });

  it('stamps the commit time in source.ts_ms, before the connector ts_ms', () => {
    for (const { message, value } of rows) {
      expect(value.source.ts_ms).toBeLessThan(value.ts_ms);
      expect(value.ts_ms).toBe(message.timestamp);
      expect(JSON.parse(message.key!)).toEqual({ id: (value.after ?? value.before).id });
    }
  });
});

describe('web access log', () => {
  it('writes combined log format lines with the record time', () => {
    const combined = /^(\S+) \S+ (\S+) \[([^\]]+)\] "(\S+) (\S+) (\S+)" (\d{3}) (\d+|-) "([^"]*)" "([^"]*)"$/;
    for (const message of generated(webAccessLog, 300)) {
      const match = combined.exec(String(message.value));
      expect(match, String(message.value)).not.toBeNull();
      const seconds = new Date(Math.floor(message.timestamp / 1000) * 1000);
      expect(match![3]).toMatch(new RegExp(`^${String(seconds.getUTCDate()).padStart(2, '0')}/\\w{3}/${seconds.getUTCFullYear()}:`));
    }
  });
});

describe('late events', () => {
  it.each([
    [webClickstream.name, webClickstream, (value: Record<string, string>) => Date.parse(value.time)],
    [adClicks.name, adClicks, (value: Record<string, string>) => Number(value.timestamp)],
  ])('%s: about 5% carry event times minutes to hours before their record timestamp', (_, topic, eventTime) => {
    const messages = generated(topic, 4_000);
    const delays = messages.map((message) => message.timestamp - eventTime(JSON.parse(String(message.value))));
    // Clickstream times are whole seconds, so on-time records may lag by under a second.
    const late = delays.filter((delay) => delay >= 1000);
    expect(delays.every((delay) => delay >= 0)).toBe(true);
    expect(late.length / messages.length).toBeGreaterThan(0.03);
    expect(late.length / messages.length).toBeLessThan(0.07);
    expect(Math.min(...late)).toBeGreaterThanOrEqual(LATE_EVENT_MIN_DELAY_MS - 1000);
    expect(Math.max(...late)).toBeLessThanOrEqual(LATE_EVENT_MAX_DELAY_MS);
    expect(Math.max(...late)).toBeGreaterThan(3_600_000);
  });
});
