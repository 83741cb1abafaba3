import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';
import { toSampleRecords } from './input';

const decide = (lines: string[]) => detectFormat(toSampleRecords({ lines }));

describe('detectFormat', () => {
  it('decides JSON from the majority, tolerating a few malformed messages', () => {
    const lines = [...Array.from({ length: 18 }, (_, i) => `{"n":${i}}`), 'oops', '{"broken":'];
    expect(decide(lines)).toMatchObject({ settings: { format: 'json' }, why: '18 of 20 messages are JSON objects' });
  });

  it('recognises Kafka Connect envelopes and Debezium events', () => {
    const connect = '{"schema":{"type":"struct","fields":[]},"payload":{"a":1}}';
    expect(decide([connect, connect]).settings.format).toBe('kafka-connect-json');
    const change = '{"before":null,"after":{"id":1},"source":{"ts_ms":1},"op":"c","ts_ms":2}';
    expect(decide([change, change]).settings.format).toBe('debezium-json');
  });

  it('finds a header line and declares its names as columns', () => {
    const decision = decide(['id|name|score', '1|ann|3', '2|bob|5']);
    expect(decision.settings).toEqual({ format: 'delimited', delimiter: '|', columnNames: ['id', 'name', 'score'], headerLine: 'id|name|score' });
  });

  it('falls back to one text column when there is no structure', () => {
    expect(decide(['hello world', 'good night moon']).settings).toEqual({ format: 'regex', pattern: '^(.*)$', columnNames: ['line'] });
  });

  it('notices Schema Registry framing', () => {
    const framed = toSampleRecords({ records: [{ partition: 0, offset: '0', timestamp: 0, key: null, value: btoa('\u0000\u0000\u0000\u0000\u0001abc'), valueEncoding: 'base64' }] });
    expect(detectFormat(framed)).toMatchObject({ confluent: true });
  });
});
