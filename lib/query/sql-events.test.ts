import { describe, expect, it } from 'vitest';
import { sqlEvents, type RowSource } from './sql-events';
import type { SqlStreamEvent } from './schemas';

function source(count: number, onClose: () => void = () => undefined): RowSource {
  return {
    sqlQueryId: 'q-1',
    columns: [{ name: 'n', type: 'LONG', sqlType: 'BIGINT' }],
    rows: (async function* () {
      try {
        for (let i = 0; i < count; i++) yield [i];
      } finally {
        onClose();
      }
    })(),
  };
}

async function all(events: AsyncIterable<SqlStreamEvent>): Promise<SqlStreamEvent[]> {
  const out: SqlStreamEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('sqlEvents', () => {
  it('sends the columns first, then rows in batches, then the count and elapsed time', async () => {
    const events = await all(sqlEvents(source(5), { rowLimit: 100, batchSize: 2, startedAt: 1000, now: () => 1250 }));
    expect(events.map((event) => event.type)).toEqual(['header', 'rows', 'rows', 'rows', 'end']);
    expect(events[0]).toEqual({ type: 'header', sqlQueryId: 'q-1', columns: [{ name: 'n', type: 'LONG', sqlType: 'BIGINT' }] });
    expect(events.slice(1, 4).flatMap((event) => (event.type === 'rows' ? event.rows : []))).toEqual([[0], [1], [2], [3], [4]]);
    expect(events[4]).toEqual({ type: 'end', rowCount: 5, elapsedMs: 250, truncated: false, rowLimit: 100 });
  });

  it('stops at the row limit, says the result was truncated, and stops reading from Druid', async () => {
    let closed = false;
    const events = await all(sqlEvents(source(1_000_000, () => (closed = true)), { rowLimit: 3, startedAt: 0, now: () => 5 }));
    const rows = events.flatMap((event) => (event.type === 'rows' ? event.rows : []));
    expect(rows).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'end', rowCount: 3, truncated: true, rowLimit: 3 });
    expect(closed).toBe(true);
  });

  it('does not call a result truncated when it has exactly as many rows as the limit', async () => {
    const events = await all(sqlEvents(source(3), { rowLimit: 3, startedAt: 0 }));
    expect(events.at(-1)).toMatchObject({ type: 'end', rowCount: 3, truncated: false });
  });
});
