import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADCLICKS, startTestEngine, SUPERVISORS, TASKS, type TestEngine } from '../testing/engine-fixture';
import { contractJson } from '../testing/fixtures';

let engine: TestEngine;
beforeAll(async () => { engine = await startTestEngine(); });
afterAll(() => engine.close());

const sql = (query: string, extra: Record<string, unknown> = {}) => engine.call('POST', '/druid/v2/sql', { query, ...extra });
type ErrorBody = { error: string; errorMessage: string; errorClass: string; host: string; context: Record<string, string> };

describe('SQL errors in Druid shapes', () => {
  it('reports an unknown table as a plan validation failure with its position', async () => {
    const r = await sql('SELECT *\nFROM   nope');
    expect(r.status).toBe(400);
    const body = r.json() as ErrorBody;
    expect(body).toMatchObject({ error: 'Plan validation failed', host: 'tributary-local-engine' });
    expect(body.errorMessage).toContain("Object 'nope' not found");
    expect(body.context).toMatchObject({ sourceType: 'sql', line: '2', column: '8', endColumn: '11' });
    // The legacy keys every Druid error carries are all present.
    expect(Object.keys(body)).toEqual(expect.arrayContaining(Object.keys(contractJson('broker.sql.error.shape.json') as object)));
  });

  it('reports an unknown column and an unknown function where they are', async () => {
    const column = (await sql('SELECT nope FROM kafkatest')).json() as ErrorBody;
    expect(column.errorMessage).toContain("Column 'nope' not found in any table");
    expect(column.context.column).toBe('8');
    const fn = (await sql('SELECT city, FOO(1) FROM kafkatest')).json() as ErrorBody;
    expect(fn.errorMessage).toContain('No match found for function signature FOO');
    expect(fn.context.column).toBe('14');
  });

  it('reports syntax errors as SQL parse failed', async () => {
    const r = await sql('SELECT city FROM kafkatest WHERE');
    expect(r.status).toBe(400);
    expect((r.json() as ErrorBody).error).toBe('SQL parse failed');
    const token = (await sql('SELECT city city2 city3 FROM kafkatest')).json() as ErrorBody;
    expect(token).toMatchObject({ error: 'SQL parse failed', context: { line: '1', column: '19' } });
    expect(((await sql("SELECT 'open")).json() as ErrorBody).errorMessage).toContain('Unterminated string literal');
  });

  it('runs only single SELECT statements and never reads files', async () => {
    for (const query of ['DROP TABLE druid.kafkatest', "SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM '/etc/passwd'", 'SELECT 1; SELECT 2', 'COPY druid.kafkatest TO \'x.csv\'']) {
      const r = await sql(query);
      expect(r.status, query).toBe(400);
    }
    expect((await sql('SELECT COUNT(*) AS n FROM kafkatest;')).status).toBe(200);
  });

  it('rejects a malformed request naming the field', async () => {
    const r = await sql('SELECT 1', { resultFormat: 'xml' });
    expect(r.status).toBe(400);
    expect((r.json() as ErrorBody).errorMessage).toContain('resultFormat');
    const unknown = await sql('SELECT 1', { batchSize: 3 });
    expect((unknown.json() as ErrorBody).errorMessage).toContain('batchSize');
  });

  it('requires a value for every dynamic parameter', async () => {
    const r = await sql('SELECT COUNT(*) FROM kafkatest WHERE city = ?');
    expect(r.status).toBe(400);
    expect((r.json() as ErrorBody).errorMessage).toContain('dynamic parameter 1');
  });
});

describe('EXPLAIN PLAN FOR', () => {
  it('answers PLAN, RESOURCES and ATTRIBUTES, naming the datasources read', async () => {
    const r = await sql('EXPLAIN PLAN FOR SELECT city, COUNT(*) FROM kafkatest GROUP BY 1');
    expect(r.status, r.text).toBe(200);
    const [row] = r.json() as Array<Record<string, string>>;
    expect(Object.keys(row)).toEqual(['PLAN', 'RESOURCES', 'ATTRIBUTES']);
    expect(row.PLAN).toContain('Local engine (DuckDB) plan');
    expect(JSON.parse(row.RESOURCES)).toEqual([{ name: 'kafkatest', type: 'DATASOURCE' }]);
    expect(JSON.parse(row.ATTRIBUTES)).toEqual({ statementType: 'SELECT' });
  });

  it('reports errors in the explained query at their place in the original text', async () => {
    const body = (await sql('EXPLAIN PLAN FOR SELECT * FROM nope')).json() as ErrorBody;
    expect(body.context.column).toBe('32');
  });
});

describe('INFORMATION_SCHEMA and sys tables', () => {
  it('lists datasources and system tables in INFORMATION_SCHEMA.TABLES', async () => {
    const r = (await sql(`SELECT TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA IN ('druid', 'sys') ORDER BY 2, 3`)).json();
    expect(r).toEqual([
      { TABLE_CATALOG: 'druid', TABLE_SCHEMA: 'druid', TABLE_NAME: 'kafkatest', TABLE_TYPE: 'TABLE' },
      { TABLE_CATALOG: 'druid', TABLE_SCHEMA: 'druid', TABLE_NAME: 'mytopic-kafka', TABLE_TYPE: 'TABLE' },
      { TABLE_CATALOG: 'druid', TABLE_SCHEMA: 'druid', TABLE_NAME: 'oddities', TABLE_TYPE: 'TABLE' },
      { TABLE_CATALOG: 'druid', TABLE_SCHEMA: 'sys', TABLE_NAME: 'segments', TABLE_TYPE: 'SYSTEM_TABLE' },
      { TABLE_CATALOG: 'druid', TABLE_SCHEMA: 'sys', TABLE_NAME: 'supervisors', TABLE_TYPE: 'SYSTEM_TABLE' },
      { TABLE_CATALOG: 'druid', TABLE_SCHEMA: 'sys', TABLE_NAME: 'tasks', TABLE_TYPE: 'SYSTEM_TABLE' },
    ]);
  });

  it('describes columns with Druid SQL types in INFORMATION_SCHEMA.COLUMNS', async () => {
    const r = (await sql(`SELECT COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, IS_NULLABLE, JDBC_TYPE FROM INFORMATION_SCHEMA.COLUMNS
      WHERE TABLE_SCHEMA = 'druid' AND TABLE_NAME = 'oddities' ORDER BY ORDINAL_POSITION`)).json();
    expect(r).toEqual([
      { COLUMN_NAME: '__time', ORDINAL_POSITION: 1, DATA_TYPE: 'TIMESTAMP', IS_NULLABLE: 'NO', JDBC_TYPE: 93 },
      { COLUMN_NAME: 'name', ORDINAL_POSITION: 2, DATA_TYPE: 'VARCHAR', IS_NULLABLE: 'YES', JDBC_TYPE: 12 },
      { COLUMN_NAME: 'tags', ORDINAL_POSITION: 3, DATA_TYPE: 'VARCHAR ARRAY', IS_NULLABLE: 'YES', JDBC_TYPE: 2003 },
      { COLUMN_NAME: 'payload', ORDINAL_POSITION: 4, DATA_TYPE: 'COMPLEX<json>', IS_NULLABLE: 'YES', JDBC_TYPE: 1111 },
      { COLUMN_NAME: 'big', ORDINAL_POSITION: 5, DATA_TYPE: 'BIGINT', IS_NULLABLE: 'YES', JDBC_TYPE: -5 },
      { COLUMN_NAME: 'ratio', ORDINAL_POSITION: 6, DATA_TYPE: 'DOUBLE', IS_NULLABLE: 'YES', JDBC_TYPE: 8 },
    ]);
  });

  it('serves sys.supervisors and sys.tasks from the engine state', async () => {
    expect((await sql('SELECT * FROM sys.supervisors')).json()).toEqual(SUPERVISORS);
    expect((await sql(`SELECT * FROM sys.tasks WHERE datasource = 'kafkatest'`)).json()).toEqual(TASKS);
  });

  it('lists one sys.segments row per time chunk holding rows', async () => {
    const r = (await sql(`SELECT segment_id, "start", "end", num_rows FROM sys.segments WHERE datasource = '${ADCLICKS.name}'`)).json() as Array<Record<string, unknown>>;
    const stored = (await sql('SELECT COUNT(*) AS n FROM kafkatest')).json() as Array<{ n: number }>;
    expect(r).toEqual([{
      segment_id: 'kafkatest_2019-06-05T00:00:00.000Z_2019-06-06T00:00:00.000Z_2019-06-05T00:00:00.000Z',
      start: '2019-06-05T00:00:00.000Z', end: '2019-06-06T00:00:00.000Z', num_rows: stored[0].n,
    }]);
  });
});
