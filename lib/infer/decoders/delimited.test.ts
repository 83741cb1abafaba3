import { describe, expect, it } from 'vitest';
import { columnNamesFromHeader, detectDelimiter, detectHeader, parseDelimited } from './delimited';

describe('parseDelimited', () => {
  it('keeps delimiters and escaped quotes inside quoted fields', () => {
    expect(parseDelimited('1,"Smith, John","say ""hi""",3', ',')).toEqual({ ok: true, value: [['1', 'Smith, John', 'say "hi"', '3']] });
  });

  it('reads a record line by line, as Druid does, so a quoted newline is a parse error', () => {
    expect(parseDelimited('1,"line one\nline two",3', ',')).toEqual({
      ok: false,
      reason: 'unbalanced quotes in line 1 of 2 (Druid reads delimited values line by line, so a quoted field cannot span lines)',
    });
    expect(parseDelimited('1,a\n2,b', ',')).toEqual({ ok: true, value: [['1', 'a'], ['2', 'b']] });
  });

  it('ends lines at a line feed, as Druid does: a carriage return before one goes, one that ends the message stays', () => {
    expect(parseDelimited('1,a\r\n2,b\r\n', ',')).toEqual({ ok: true, value: [['1', 'a'], ['2', 'b']] });
    expect(parseDelimited('1,a\r', ',')).toEqual({ ok: true, value: [['1', 'a\r']] });
  });

  it('reports unbalanced quotes', () => {
    const result = parseDelimited('1,"open,2', ',');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/unbalanced quotes/);
  });
});

describe('detectDelimiter', () => {
  it('finds tabs, pipes and commas by consistent field counts', () => {
    expect(detectDelimiter(['a\tb\tc', '1\t2\t3'])).toMatchObject({ delimiter: '\t', fieldCount: 3 });
    expect(detectDelimiter(['a|b, c|d', '1|2, 5|3'])).toMatchObject({ delimiter: '|', fieldCount: 3 });
    expect(detectDelimiter(['2024-01-01,pc,3', '2024-01-02,mobile,4'])).toMatchObject({ delimiter: ',', fieldCount: 3 });
    expect(detectDelimiter(['hello world', 'plain text'])).toBeNull();
  });
});

describe('detectHeader', () => {
  it('finds a header line sent as its own message', () => {
    const rows = [['ts', 'city', 'clicks'], ['2024-01-01T00:00:00Z', 'paris', '3'], ['2024-01-01T00:00:01Z', 'rome', '5']];
    expect(detectHeader(rows)).toBe(0);
  });

  it('finds the header a producer writes once per partition', () => {
    const rows = [0, 1, 2].flatMap((p) => [['time', 'city', 'clicks\r'], [`2024-01-01T00:00:0${p}Z`, 'paris', '3\r'], [`2024-01-01T00:00:1${p}Z`, 'rome', '5\r']]);
    expect(detectHeader(rows)).toBe(0);
  });

  it('does not take a data row for a header', () => {
    const rows = [['paris', 'pc', '3'], ['rome', 'mobile', '5']];
    expect(detectHeader(rows)).toBe(-1);
  });

  it('makes header names unique', () => {
    expect(columnNamesFromHeader(['a', ' b ', 'a'])).toEqual(['a', 'b', 'a_2']);
  });
});
