import { describe, expect, it } from 'vitest';
import { detectLogPattern, matchLine } from './regex';

const combined = '203.0.113.9 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://example.com/start.html" "Mozilla/4.08"';

describe('log patterns', () => {
  it('recognises the combined access log and names its columns', () => {
    const found = detectLogPattern([combined, combined.replace('200', '404')]);
    expect(found?.pattern.name).toBe('combined access log');
    const row = matchLine(combined, found!.pattern.pattern, found!.pattern.columns);
    expect(row).toMatchObject({ ok: true, value: { remote_addr: '203.0.113.9', ident: null, time_local: '10/Oct/2000:13:55:36 -0700', status: '200', bytes: '2326', user_agent: 'Mozilla/4.08' } });
  });

  it('recognises application log lines', () => {
    const found = detectLogPattern(['2024-05-21 13:30:05,123 ERROR [main] Disk full', '2024-05-21 13:30:06,001 INFO started']);
    expect(found?.pattern.name).toBe('application log');
  });

  it('finds nothing in free text, and reports a line that does not match', () => {
    expect(detectLogPattern(['hello there', 'just words'])).toBeNull();
    expect(matchLine('nope', '^(\\d+)$', ['n'])).toEqual({ ok: false, reason: 'the line does not match the pattern' });
  });
});
