import { describe, expect, it } from 'vitest';
import { parseContextText } from './context';

describe('parseContextText', () => {
  it('reads a JSON object, and nothing as no context', () => {
    expect(parseContextText('{"sqlTimeZone": "Asia/Shanghai"}')).toEqual({ ok: true, context: { sqlTimeZone: 'Asia/Shanghai' } });
    expect(parseContextText('  ')).toEqual({ ok: true, context: undefined });
  });

  it('says what is wrong with anything else', () => {
    expect(parseContextText('{"sqlTimeZone": ')).toMatchObject({ ok: false, message: expect.stringMatching(/^The query context is not valid JSON/) });
    expect(parseContextText('[1]')).toMatchObject({ ok: false, message: expect.stringContaining('is a JSON object') });
    expect(parseContextText('{"sqlQueryId": "x"}')).toMatchObject({ ok: false, message: expect.stringContaining('may not set "sqlQueryId"') });
  });
});
