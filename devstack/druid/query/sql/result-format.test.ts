import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../testing/engine-fixture';
import { contractJson, contractText } from '../testing/fixtures';

let engine: TestEngine;
beforeAll(async () => { engine = await startTestEngine(); });
afterAll(() => engine.close());

// The docs' examples select one user, "BlueMoon2662"; the same query here selects "roni".
const QUERY = `SELECT "user" FROM "mytopic-kafka" WHERE "user" = 'roni' LIMIT 1`;
const asDocs = (text: string) => text.replace(/roni/g, 'BlueMoon2662');
const run = (resultFormat: string, flags: Record<string, boolean>) =>
  engine.call('POST', '/druid/v2/sql', { query: QUERY, resultFormat, ...flags });

describe('SQL result formats match the documented responses', () => {
  it.each([
    ['object', { header: true }, 'broker.sql.response.object.header-only.json'],
    ['object', { header: true, typesHeader: true }, 'broker.sql.response.object.typesHeader.json'],
    ['object', { header: true, sqlTypesHeader: true }, 'broker.sql.response.object.sqlTypesHeader.json'],
    ['array', { header: true }, 'broker.sql.response.array.header-only.json'],
    ['array', { header: true, typesHeader: true }, 'broker.sql.response.array.typesHeader.json'],
    ['array', { header: true, sqlTypesHeader: true }, 'broker.sql.response.array.sqlTypesHeader.json'],
    ['array', { header: true, typesHeader: true, sqlTypesHeader: true }, 'broker.sql.response.array.header-types.json'],
  ])('%s with %j equals %s', async (format, flags, fixture) => {
    const r = await run(format, flags);
    expect(r.status).toBe(200);
    expect(r.headers['Content-Type']).toBe('application/json');
    expect(r.headers['X-Druid-SQL-Header-Included']).toBe('yes');
    expect(JSON.parse(asDocs(r.text))).toEqual(contractJson(fixture));
  });

  it('writes the object header with both types in the documented shape', async () => {
    const r = await run('object', { header: true, typesHeader: true, sqlTypesHeader: true });
    const documented = contractJson('broker.sql.response.object.header-types.json') as Array<Record<string, unknown>>;
    expect((r.json() as unknown[])[0]).toEqual({ user: documented[0].user });
  });

  it.each([
    [{ header: true }, 'broker.sql.response.csv.header-only.txt'],
    [{ header: true, typesHeader: true, sqlTypesHeader: true }, 'broker.sql.response.csv.header-types.txt'],
  ])('csv with %j equals %s plus the trailing blank line', async (flags, fixture) => {
    const r = await run('csv', flags);
    expect(r.headers['Content-Type']).toBe('text/plain');
    expect(asDocs(r.text)).toBe(`${contractText(fixture)}\n`);
  });

  it('writes objectLines and arrayLines one row per line, ending with a blank line', async () => {
    const objects = await run('objectLines', {});
    expect(asDocs(objects.text)).toBe('{"user":"BlueMoon2662"}\n\n');
    const arrays = await run('arrayLines', { header: true });
    expect(asDocs(arrays.text)).toBe('["user"]\n["BlueMoon2662"]\n\n');
  });

  it('reports Druid column types: TIMESTAMP/LONG, BIGINT/LONG, DOUBLE, VARCHAR/STRING, arrays and JSON', async () => {
    const r = await engine.call('POST', '/druid/v2/sql', {
      query: 'SELECT __time, big, ratio, name, tags, payload, COUNT(*) OVER () AS n FROM oddities LIMIT 1',
      resultFormat: 'array', header: true, typesHeader: true, sqlTypesHeader: true,
    });
    const [names, types, sqlTypes] = r.json() as string[][];
    expect(names).toEqual(['__time', 'big', 'ratio', 'name', 'tags', 'payload', 'n']);
    expect(types).toEqual(['LONG', 'LONG', 'DOUBLE', 'STRING', 'ARRAY<STRING>', 'COMPLEX<json>', 'LONG']);
    expect(sqlTypes).toEqual(['TIMESTAMP', 'BIGINT', 'DOUBLE', 'VARCHAR', 'VARCHAR ARRAY', 'COMPLEX<json>', 'BIGINT']);
  });

  it('quotes csv cells that need it and writes nulls as empty cells', async () => {
    const r = await engine.call('POST', '/druid/v2/sql', { query: 'SELECT name, ratio FROM oddities ORDER BY __time', resultFormat: 'csv' });
    expect(r.text).toBe(`o'brien,0.5\n,1.25\n"x,""y""",\n\n`);
  });

  it('returns the query id it was given, or one it made up', async () => {
    const given = await engine.call('POST', '/druid/v2/sql', { query: QUERY, context: { sqlQueryId: 'request01' } });
    expect(given.headers['X-Druid-SQL-Query-Id']).toBe('request01');
    const made = await run('object', {});
    expect(made.headers['X-Druid-SQL-Query-Id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses typesHeader without header, as Druid does', async () => {
    const r = await run('object', { typesHeader: true });
    expect(r.status).toBe(400);
    expect((r.json() as { errorMessage: string }).errorMessage).toContain('only be set when header');
  });
});
