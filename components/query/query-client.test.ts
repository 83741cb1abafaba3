import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/components/ui/fetch-json';
import { readSqlEvents } from './query-client';
import { parseNativeText } from './native-text';

function streamed(lines: string[], status = 200): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // Split mid-line to prove events are reassembled across chunks.
      const all = lines.join('');
      controller.enqueue(encoder.encode(all.slice(0, 7)));
      controller.enqueue(encoder.encode(all.slice(7)));
      controller.close();
    },
  });
  return new Response(body, { status, headers: { 'content-type': 'application/x-ndjson' } });
}

describe('readSqlEvents', () => {
  it('hands over columns and row batches as they arrive, and returns the end', async () => {
    const seen: unknown[][] = [];
    let columns: unknown;
    const end = await readSqlEvents(
      streamed([
        '{"type":"header","sqlQueryId":"q","columns":[{"name":"n","type":"LONG","sqlType":"BIGINT"}]}\n',
        '{"type":"rows","rows":[["9007199254740993"],[2]]}\n',
        '{"type":"end","rowCount":2,"elapsedMs":12,"truncated":false,"rowLimit":10000}\n',
      ]),
      { onHeader: (c) => (columns = c), onRows: (rows) => seen.push(...rows) },
    );
    expect(columns).toEqual([{ name: 'n', type: 'LONG', sqlType: 'BIGINT' }]);
    expect(seen).toEqual([['9007199254740993'], [2]]);
    expect(end).toMatchObject({ rowCount: 2, truncated: false });
  });

  it('raises an error event that arrives mid-stream with its message', async () => {
    const failing = readSqlEvents(
      streamed(['{"type":"header","columns":[]}\n', '{"type":"error","error":{"code":"druid_error","message":"Query cancelled"}}\n']),
      { onHeader: () => undefined, onRows: () => undefined },
    );
    await expect(failing).rejects.toMatchObject({ code: 'druid_error', message: 'Query cancelled' });
  });

  it("raises the route's JSON error with its details, and a cut-off stream as incomplete", async () => {
    const error = await readSqlEvents(
      new Response(JSON.stringify({ error: { code: 'druid_invalid_input', message: 'bad', details: { context: { line: '1' } } } }), { status: 400 }),
      { onHeader: () => undefined, onRows: () => undefined },
    ).catch((e: ApiRequestError) => e);
    expect(error).toMatchObject({ status: 400, message: 'bad', details: { context: { line: '1' } } });
    await expect(readSqlEvents(streamed(['{"type":"header","columns":[]}\n']), { onHeader: () => undefined, onRows: () => undefined })).rejects.toMatchObject({
      code: 'incomplete',
    });
  });
});

describe('parseNativeText', () => {
  it('says where JSON breaks', () => {
    const parsed = parseNativeText('{\n  "queryType": "timeseries",\n  oops\n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toMatch(/^The query is not valid JSON at line 3, column 3/);
      expect(parsed.position).toEqual({ line: 3, column: 3 });
    }
  });
  it('wants an object', () => {
    expect(parseNativeText('[1]')).toMatchObject({ ok: false, message: expect.stringContaining('JSON object') });
  });
});
