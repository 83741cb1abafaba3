import { describe, expect, it } from 'vitest';
import { columnKind, compareCells, formatCell, wallClock } from './columns';
import { toCsv } from './csv';

describe('columnKind', () => {
  it("follows Druid's types first", () => {
    expect(columnKind({ name: '__time', type: 'LONG', sqlType: 'TIMESTAMP' })).toBe('time');
    expect(columnKind({ name: 'views', type: 'LONG', sqlType: 'BIGINT' })).toBe('number');
    expect(columnKind({ name: 'url', type: 'STRING', sqlType: 'VARCHAR' })).toBe('text');
  });
  it('guesses from the values when Druid sent no types', () => {
    expect(columnKind({ name: 'd' }, ['2020-03-19T00:00:00.000+08:00', null])).toBe('time');
    expect(columnKind({ name: 'n' }, [1, 2.5])).toBe('number');
    expect(columnKind({ name: 's' }, ['a'])).toBe('text');
  });
});

describe('formatCell', () => {
  it('shows UTC times readably and keeps an explicit offset as Druid wrote it', () => {
    expect(formatCell('2026-01-02T03:04:05.678Z', 'time')).toBe('2026-01-02 03:04:05.678');
    expect(formatCell(1584637079000, 'time')).toBe('2020-03-19 16:57:59.000');
    expect(formatCell('2020-03-19T00:00:00.000+08:00', 'time')).toBe('2020-03-19T00:00:00.000+08:00');
  });
  it('keeps big integers exact and says null', () => {
    expect(formatCell('9007199254740993', 'number')).toBe('9007199254740993');
    expect(formatCell(null, 'text')).toBe('null');
  });
});

describe('compareCells', () => {
  it('orders big integers exactly, where floating point would call them equal', () => {
    expect(compareCells('9007199254740993', '9007199254740992', 'number')).toBe(1);
    expect([10, 9, 100].sort((a, b) => compareCells(a, b, 'number'))).toEqual([9, 10, 100]);
  });
  it('puts nulls last', () => {
    expect([null, 'b', 'a'].sort((a, b) => compareCells(a, b, 'text'))).toEqual(['a', 'b', null]);
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and writes nulls as empty fields', () => {
    const csv = toCsv({ columns: [{ name: 'url' }, { name: 'views' }], rows: [['/a,b', '9007199254740993'], ['say "hi"', null]] });
    expect(csv).toBe('url,views\r\n"/a,b",9007199254740993\r\n"say ""hi""",\r\n');
  });
});

describe('wallClock', () => {
  it('keeps the offset Druid wrote and the wall-clock time in it', () => {
    expect(wallClock('2026-11-19T00:00:00.000+08:00')).toEqual({ millis: Date.parse('2026-11-19T00:00:00.000Z'), offset: '+08:00' });
    expect(wallClock('2026-03-08T01:00:00.000-0500')).toEqual({ millis: Date.parse('2026-03-08T01:00:00.000Z'), offset: '-05:00' });
  });
  it('reads UTC, epoch millis and times without an offset as UTC', () => {
    expect(wallClock('2026-11-19T16:00:00.000Z')).toEqual({ millis: Date.parse('2026-11-19T16:00:00.000Z'), offset: 'Z' });
    expect(wallClock('2026-11-19T16:00:00.000+00:00')?.offset).toBe('Z');
    expect(wallClock(1_700_000_000_000)).toEqual({ millis: 1_700_000_000_000, offset: 'Z' });
    expect(wallClock('2026-11-19T16:00')).toEqual({ millis: Date.parse('2026-11-19T16:00:00Z'), offset: 'Z' });
    expect(wallClock('not a time')).toBeUndefined();
  });
});
