// A corpus of hostile Kafka messages: each kind, how it arrives, and whether Druid could
// store a row from it. Built in code because some are large (a 10 MB value).
const T0 = Date.UTC(2026, 10, 21, 5, 0, 0);

export interface HostileMessage {
  readonly kind: string;
  readonly value: string | null;
  readonly valueEncoding?: 'base64';
  /** 'bad': the message must be reported unparseable; 'ok': it must parse into a row. */
  readonly expect: 'bad' | 'ok';
}

const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));
const good = (extra: Record<string, unknown> = {}) => JSON.stringify({ ts: new Date(T0).toISOString(), page: '/x', bytes: 1, ...extra });

function manyFields(n: number): string {
  const fields: string[] = [`"ts":"${new Date(T0).toISOString()}"`];
  for (let i = 0; i < n; i++) fields.push(`"f${i}":${i}`);
  return `{${fields.join(',')}}`;
}

function nested(depth: number, open: string, close: string, inner: string): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

export function hostileCorpus(): HostileMessage[] {
  const ts = `"ts":"${new Date(T0).toISOString()}"`;
  return [
    { kind: 'invalid UTF-8', value: b64([0x7b, 0x22, 0xff, 0xfe, 0x80, 0x22, 0x7d]), valueEncoding: 'base64', expect: 'bad' },
    { kind: 'overlong UTF-8 encoding', value: b64([0xc0, 0xaf]), valueEncoding: 'base64', expect: 'bad' },
    { kind: 'gzip bytes', value: b64([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]), valueEncoding: 'base64', expect: 'bad' },
    { kind: 'invalid base64', value: '!!!not base64!!!', valueEncoding: 'base64', expect: 'bad' },
    { kind: 'Schema Registry frame among JSON', value: b64([0, 0, 0, 0, 7, 2, 0x41]), valueEncoding: 'base64', expect: 'bad' },
    { kind: 'truncated JSON', value: '{"ts": "2026-11-21T05:00:00Z", "page": "/tru', expect: 'bad' },
    { kind: 'a 10 MB value', value: `{${ts},"blob":"${'x'.repeat(10 * 1024 * 1024)}"}`, expect: 'bad' },
    { kind: '5,000 fields', value: manyFields(5000), expect: 'ok' },
    { kind: '100-deep nesting', value: `{${ts},"deep":${nested(100, '{"a":', '}', '1')}}`, expect: 'ok' },
    { kind: '100-deep arrays', value: `{${ts},"deep":${nested(100, '[', ']', '1')}}`, expect: 'ok' },
    { kind: '50,000-deep nesting', value: `{${ts},"deep":${nested(50_000, '{"a":', '}', '1')}}`, expect: 'bad' },
    { kind: '__proto__ key', value: `{${ts},"__proto__":{"polluted":true},"page":"/p"}`, expect: 'ok' },
    { kind: 'constructor and prototype keys', value: `{${ts},"constructor":{"prototype":{"polluted":true}}}`, expect: 'ok' },
    { kind: 'duplicate keys (the last wins, as in Druid)', value: `{${ts},"page":"/a","page":"/b"}`, expect: 'ok' },
    { kind: 'NaN', value: `{${ts},"bytes":NaN}`, expect: 'bad' },
    { kind: 'Infinity', value: `{${ts},"bytes":Infinity}`, expect: 'bad' },
    { kind: 'huge integer beyond 64 bits', value: `{${ts},"bytes":123456789012345678901234567890}`, expect: 'ok' },
    { kind: 'integer beyond 2^53', value: `{${ts},"bytes":9007199254740993}`, expect: 'ok' },
    { kind: 'exponent overflow 1e400', value: `{${ts},"bytes":1e400}`, expect: 'ok' },
    { kind: 'byte order mark', value: `\ufeff${good()}`, expect: 'ok' },
    { kind: 'byte order mark in bytes', value: b64([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(good())]), valueEncoding: 'base64', expect: 'ok' },
    { kind: 'CSV line among JSON', value: '2026-11-21T05:00:00Z,/x,1', expect: 'bad' },
    { kind: 'CSV with quotes and newlines', value: '"a","multi\nline","c ""quoted"""', expect: 'bad' },
    { kind: 'empty value', value: '', expect: 'bad' },
    { kind: 'whitespace only', value: ' \n\t ', expect: 'bad' },
    { kind: 'tombstone (null value)', value: null, expect: 'bad' },
    { kind: 'top-level array', value: `[${good()}]`, expect: 'bad' },
    { kind: 'top-level string', value: '"just a string"', expect: 'bad' },
    { kind: 'top-level number', value: '42', expect: 'bad' },
    { kind: 'JSON null', value: 'null', expect: 'bad' },
    { kind: 'raw control characters in a string', value: `{${ts},"page":"a\u0000b\u0001"}`, expect: 'bad' },
    { kind: 'lone surrogate escape', value: `{${ts},"page":"\\ud800"}`, expect: 'ok' },
    { kind: 'trailing garbage', value: `${good()} xyz`, expect: 'bad' },
    { kind: 'two objects in one message', value: `${good()}${good()}`, expect: 'bad' },
    { kind: 'single quotes', value: "{'ts': '2026-11-21T05:00:00Z'}", expect: 'bad' },
    { kind: 'comments', value: `{${ts}, /* note */ "page": "/x"}`, expect: 'bad' },
    { kind: 'bad unicode escape', value: `{${ts},"page":"\\u12"}`, expect: 'bad' },
    { kind: 'XML', value: '<event><ts>2026-11-21T05:00:00Z</ts></event>', expect: 'bad' },
    { kind: 'timestamp missing', value: JSON.stringify({ page: '/x', bytes: 3 }), expect: 'bad' },
    { kind: 'timestamp garbage', value: good({ ts: 'yesterday' }), expect: 'bad' },
    { kind: 'timestamp is an object', value: good({ ts: { at: 1 } }), expect: 'bad' },
    { kind: 'timestamp is a boolean', value: good({ ts: true }), expect: 'bad' },
    { kind: 'timestamp in year 9999', value: good({ ts: '9999-12-31T23:59:59Z' }), expect: 'ok' },
    { kind: 'a 1 MB string field', value: good({ page: 'p'.repeat(1024 * 1024) }), expect: 'ok' },
    { kind: 'a 100 KB key', value: `{${ts},"${'k'.repeat(100 * 1024)}":1}`, expect: 'ok' },
    { kind: 'types flipping (object where a number was)', value: good({ bytes: { n: 1 } }), expect: 'ok' },
    { kind: 'mixed schema (other fields)', value: JSON.stringify({ ts: new Date(T0).toISOString(), other: 'x', level: 3 }), expect: 'ok' },
    { kind: 'emoji and right-to-left text', value: good({ page: '😀 مرحبا' }), expect: 'ok' },
  ];
}

/** Ordinary messages the hostile ones are mixed into. */
export function ordinaryMessages(n: number): string[] {
  return Array.from({ length: n }, (_, i) => JSON.stringify({ ts: new Date(T0 + i * 1000).toISOString(), page: `/p${i % 5}`, bytes: 100 + i }));
}
