import { describe, expect, it } from 'vitest';
import { formatsToTry, parseFractionalSeconds, parseTimestampValue } from './formats';

const at = (iso: string) => Date.parse(iso);

describe('parseTimestampValue', () => {
  it('reads epoch numbers and numeric strings in every unit', () => {
    expect(parseTimestampValue(1666391360, 'posix')).toBe(1666391360000);
    expect(parseTimestampValue('1559736155453', 'millis')).toBe(1559736155453);
    expect(parseTimestampValue(1559736155453123, 'micro')).toBe(1559736155453);
    expect(parseTimestampValue(1559736155453123456n, 'nano')).toBe(1559736155453);
    expect(parseTimestampValue('1559736155453123456', 'nano')).toBe(1559736155453);
  });

  it('truncates fractional seconds under posix, as Druid does, and rejects them as text', () => {
    expect(parseTimestampValue(1666391360.123, 'posix')).toBe(1666391360000);
    expect(parseTimestampValue('1666391360.123', 'posix')).toBeNull();
    expect(parseFractionalSeconds('1666391360.123')).toBe(1666391360123);
    expect(parseFractionalSeconds(1666391360.5)).toBe(1666391360500);
  });

  it('reads auto as millis for digits and ISO-like dates otherwise', () => {
    expect(parseTimestampValue('1559736155453', 'auto')).toBe(1559736155453);
    expect(parseTimestampValue('2020-03-19 09:57:58', 'auto')).toBe(at('2020-03-19T09:57:58Z'));
    expect(parseTimestampValue('2020-03-19T09:57:58+02:00', 'iso')).toBe(at('2020-03-19T07:57:58Z'));
    expect(parseTimestampValue('2020-03-19 09:57:58', 'iso')).toBeNull();
  });

  it('uses a Joda pattern for anything else', () => {
    expect(parseTimestampValue('21/May/2024:13:30:05 +0000', 'dd/MMM/yyyy:HH:mm:ss Z')).toBe(at('2024-05-21T13:30:05Z'));
    expect(parseTimestampValue(2024052113, 'yyyyMMddHH')).toBe(at('2024-05-21T13:00:00Z'));
  });
});

describe('formatsToTry', () => {
  it('offers epoch units and compact patterns for digits, iso for ISO text', () => {
    expect(formatsToTry('2024052113')).toEqual(['posix', 'millis', 'micro', 'nano', 'yyyyMMddHH']);
    expect(formatsToTry('2020-03-19T09:57:58Z')).toEqual(['iso']);
    expect(formatsToTry(1666391360.25)).toEqual(['fractional-seconds', 'millis']);
    expect(formatsToTry('hello')).toEqual([]);
  });
});
