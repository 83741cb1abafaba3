import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from './testing/engine-fixture';

let engine: TestEngine;
beforeAll(async () => { engine = await startTestEngine(); });
afterAll(() => engine.close());

// Ten billion joined rows: far longer than any test waits, so only cancellation ends it.
const SLOW = `SELECT COUNT(*) FROM "mytopic-kafka" a, "mytopic-kafka" b, "mytopic-kafka" c, "mytopic-kafka" d, "mytopic-kafka" e
  WHERE hash(a.url || b.url || c.url || d.url || e.url) % 7 = 3`;

describe('cancellation', () => {
  it('cancels a running SQL query by its sqlQueryId: 202, and the query answers "Query cancelled"', async () => {
    const pending = engine.call('POST', '/druid/v2/sql', { query: SLOW, context: { sqlQueryId: 'slow-1' } });
    const queued = engine.call('POST', '/druid/v2/sql', { query: 'SELECT COUNT(*) AS n FROM kafkatest' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const cancel = await engine.call('DELETE', '/druid/v2/sql/slow-1');
    expect(cancel.status).toBe(202);
    const r = await pending;
    expect(r.status).toBe(500);
    expect(r.json()).toMatchObject({ error: 'Query cancelled', host: 'tributary-local-engine' });
    // The query waiting behind it still runs.
    expect((await queued).status).toBe(200);
  });

  it('cancels through DELETE /druid/v2/{queryId} as well, the path native clients use', async () => {
    const pending = engine.call('POST', '/druid/v2/sql', { query: SLOW, context: { sqlQueryId: 'slow-2' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await engine.call('DELETE', '/druid/v2/slow-2')).status).toBe(202);
    expect((await pending).status).toBe(500);
  });

  it('cancels a query still waiting its turn without disturbing the one running', async () => {
    const running = engine.call('POST', '/druid/v2/sql', { query: SLOW, context: { sqlQueryId: 'slow-3' } });
    const waiting = engine.call('POST', '/druid/v2', {
      queryType: 'timeBoundary', dataSource: 'kafkatest', context: { queryId: 'waiting-1' },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await engine.call('DELETE', '/druid/v2/waiting-1')).status).toBe(202);
    expect((await waiting).json()).toMatchObject({ error: 'Query cancelled' });
    const after = engine.call('POST', '/druid/v2/sql', { query: 'SELECT COUNT(*) AS n FROM kafkatest' });
    expect((await engine.call('DELETE', '/druid/v2/sql/slow-3')).status).toBe(202);
    expect((await running).status).toBe(500);
    expect((await after).status).toBe(200);
  });

  it('answers 404 for an id that is not running', async () => {
    expect((await engine.call('DELETE', '/druid/v2/sql/nobody')).status).toBe(404);
    expect((await engine.call('DELETE', '/druid/v2/nobody')).status).toBe(404);
  });

  it('stops a query at its context timeout with "Query timeout" (504)', async () => {
    const r = await engine.call('POST', '/druid/v2/sql', { query: SLOW, context: { timeout: 100 } });
    expect(r.status).toBe(504);
    expect(r.json()).toMatchObject({ error: 'Query timeout' });
  });
});
