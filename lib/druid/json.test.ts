import { describe, expect, it } from 'vitest';
import { bigintsToStrings, parseDruidJson, stringifyDruidJson } from './json';

const BEYOND_2_53 = '9223372036854775807';

describe('parseDruidJson', () => {
  it('keeps an offset beyond 2^53 exact, where JSON.parse would round it', () => {
    const text = `{"0": ${BEYOND_2_53}, "1": 42, "rate": 53.401225142603316}`;
    expect(String((JSON.parse(text) as Record<string, number>)['0'])).not.toBe(BEYOND_2_53);
    expect(parseDruidJson(text)).toEqual({ '0': BigInt(BEYOND_2_53), '1': 42, rate: 53.401225142603316 });
    expect(parseDruidJson(text, { bigIntegers: 'string' })).toEqual({ '0': BEYOND_2_53, '1': 42, rate: 53.401225142603316 });
  });

  it('reads Druid number spellings such as 8.0419541E7 as doubles', () => {
    expect(parseDruidJson('[8.0419541E7, 0.0, -1]')).toEqual([80419541, 0, -1]);
  });

  it('reads a key Druid writes twice as Jackson does: the last one wins', () => {
    // GET /druid/indexer/v1/supervisor/{id}/history after a terminate (Druid 33).
    const text =
      '[{"spec":{"type":"NoopSupervisorSpec","id":null,"dataSources":["clicks"],"suspended":false,"type":"noop","source":"noop"},"version":"2026-01-02T00:00:00.000Z"}]';
    expect(() => JSON.parse(text)).not.toThrow();
    expect(parseDruidJson(text)).toEqual([
      { spec: { type: 'noop', id: null, dataSources: ['clicks'], suspended: false, source: 'noop' }, version: '2026-01-02T00:00:00.000Z' },
    ]);
    expect(parseDruidJson('{"type":"NoopSupervisorSpec","type":"NoopSupervisorSpec","n":9223372036854775807}', { bigIntegers: 'string' })).toEqual({
      type: 'NoopSupervisorSpec',
      n: '9223372036854775807',
    });
  });

  it('keeps exact a 16-digit integer just past 2^53, and reads ordinary rows the same either way', () => {
    expect(parseDruidJson('[9007199254740993]', { bigIntegers: 'string' })).toEqual(['9007199254740993']);
    expect(parseDruidJson('["2026-12-07T00:00:00.000Z","/docs",42,0.5,null,true]')).toEqual(['2026-12-07T00:00:00.000Z', '/docs', 42, 0.5, null, true]);
    // A long digit run inside a string only takes the exact path; the value is unchanged.
    expect(parseDruidJson('{"id":"1234567890123456789","n":1}')).toEqual({ id: '1234567890123456789', n: 1 });
  });

  it('says where the text stops being JSON', () => {
    expect(() => parseDruidJson('{"a": 1,')).toThrow(/position 8/);
  });
});

describe('stringifyDruidJson', () => {
  it('writes bigints as exact bare numbers', () => {
    expect(stringifyDruidJson({ offset: BigInt(BEYOND_2_53), topic: 't' })).toBe(`{"offset":${BEYOND_2_53},"topic":"t"}`);
  });
});

describe('bigintsToStrings', () => {
  it('makes a parsed body safe for JSON.stringify', () => {
    const value = bigintsToStrings({ lag: [1n, { deep: BigInt(BEYOND_2_53) }], name: 'x' });
    expect(JSON.stringify(value)).toBe(`{"lag":["1",{"deep":"${BEYOND_2_53}"}],"name":"x"}`);
  });
});
