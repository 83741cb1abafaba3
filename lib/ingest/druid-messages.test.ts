import { describe, expect, it } from 'vitest';
import { discoveredJsonFields, druidEventText, javaText, onLine, unparseableTimestamp } from './druid-messages';

describe("Druid's words for rows it cannot ingest", () => {
  it('prints values as Java does', () => {
    expect(javaText({ a: 1, b: ['x', 'y'], c: null, d: { e: true } })).toBe('{a=1, b=[x, y], c=null, d={e=true}}');
    expect(javaText(undefined)).toBe('null');
    expect(javaText(12345678901234567890n)).toBe('12345678901234567890');
  });

  it('cuts an event after 100 characters', () => {
    const long = { text: 'x'.repeat(200) };
    expect(druidEventText(long)).toBe(`{text=${'x'.repeat(94)}...`);
    expect(druidEventText({ a: 'b' })).toBe('{a=b}');
  });

  it('says a CSV header row’s timestamp is unparseable, keeping a carriage return as Druid reads it', () => {
    expect(unparseableTimestamp('time', { time: 'time', user: 'user', city: 'city\r' })).toBe('Timestamp[time] is unparseable! Event: {time=time, user=user, city=city\r}');
    expect(unparseableTimestamp(undefined, { user: 'u1' })).toBe('Timestamp[null] is unparseable! Event: {user=u1}');
  });

  it('prints a JSON event with the root fields Druid discovers: no objects, nulls or lists of objects', () => {
    const fields = discoveredJsonFields({ ts: 'yesterday', a: 1.5, b: [1, 2], c: { d: null }, e: null, f: [{ g: 1 }], h: true });
    expect(unparseableTimestamp('yesterday', fields)).toBe('Timestamp[yesterday] is unparseable! Event: {ts=yesterday, a=1.5, b=[1, 2], h=true}');
  });

  it('names the line for formats read line by line', () => {
    expect(onLine('Timestamp[ts] is unparseable! Event: {ts=ts}', 'csv', 2)).toBe('Timestamp[ts] is unparseable! Event: {ts=ts} (Line: 2)');
    expect(onLine('Timestamp[x] is unparseable! Event: {ts=x}', 'json', 1)).toBe('Timestamp[x] is unparseable! Event: {ts=x}');
  });
});
