// Joda patterns the wizard suggests, read as the engine reads them (the preview uses this parser too).
import { describe, expect, it } from 'vitest';
import { checkJodaPattern, compileJodaPattern } from './timestamp';
const parseJoda = (text: string, pattern: string) => compileJodaPattern(pattern)(text);

const at = (iso: string) => Date.parse(iso);

describe('Joda patterns', () => {
  it('reads the common SQL-style form as UTC', () => {
    expect(parseJoda('2024-05-21 13:30:05', 'yyyy-MM-dd HH:mm:ss')).toBe(at('2024-05-21T13:30:05Z'));
    expect(parseJoda('2024-05-21 13:30:05.250', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe(at('2024-05-21T13:30:05.250Z'));
  });

  it('reads access-log times with their offset', () => {
    expect(parseJoda('10/Oct/2000:13:55:36 -0700', 'dd/MMM/yyyy:HH:mm:ss Z')).toBe(at('2000-10-10T20:55:36Z'));
  });

  it('reads RFC 2822 dates', () => {
    expect(parseJoda('Tue, 21 May 2024 13:30:05 +0200', 'EEE, dd MMM yyyy HH:mm:ss Z')).toBe(at('2024-05-21T11:30:05Z'));
  });

  it('reads US dates with AM/PM', () => {
    expect(parseJoda('5/21/2024 1:30:05 PM', 'M/d/yyyy h:mm:ss a')).toBe(at('2024-05-21T13:30:05Z'));
    expect(parseJoda('05/21/2024 12:00:00 AM', 'M/d/yyyy h:mm:ss a')).toBe(at('2024-05-21T00:00:00Z'));
  });

  it('reads compact forms with fixed widths', () => {
    expect(parseJoda('2024052113', 'yyyyMMddHH')).toBe(at('2024-05-21T13:00:00Z'));
    expect(parseJoda('20240521', 'yyyyMMdd')).toBe(at('2024-05-21T00:00:00Z'));
  });

  it('rejects text that does not fit, and impossible dates', () => {
    expect(parseJoda('2024-05-21', 'yyyy-MM-dd HH:mm:ss')).toBeNull();
    expect(parseJoda('2024-02-30 00:00:00', 'yyyy-MM-dd HH:mm:ss')).toBeNull();
    expect(parseJoda('13/45/2024 1:00:00 PM', 'M/d/yyyy h:mm:ss a')).toBeNull();
  });

  it('names the letter it cannot read', () => {
    expect(() => checkJodaPattern('yyyy-QQ')).toThrow(/"QQ"/);
  });
});
