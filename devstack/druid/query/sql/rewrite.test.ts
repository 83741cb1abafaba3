import { describe, expect, it } from 'vitest';
import { BrokerError } from '../errors';
import { findSystemTable } from './catalog';
import { rewriteSql, type RewriteContext } from './rewrite';

const ctx: RewriteContext = { datasources: new Set(['wikipedia', 'my-ds']), systemTable: findSystemTable, timeZone: 'UTC', parameters: [] };
const rewrite = (sql: string, extra: Partial<RewriteContext> = {}) => rewriteSql(sql, { ...ctx, ...extra }).sql;

function errorOf(sql: string): BrokerError {
  try {
    rewriteSql(sql, ctx);
  } catch (error) {
    if (error instanceof BrokerError) return error;
    throw error;
  }
  throw new Error(`no error for ${sql}`);
}

describe('rewriteSql', () => {
  it('points datasources at the druid schema, quoted or not', () => {
    expect(rewrite('SELECT * FROM wikipedia')).toBe('SELECT * FROM druid."wikipedia"');
    expect(rewrite('SELECT * FROM "my-ds" t JOIN druid.wikipedia w ON t.a = w.a')).toBe('SELECT * FROM druid."my-ds" t JOIN druid."wikipedia" w ON t.a = w.a');
    expect(rewrite('SELECT * FROM wikipedia a, "my-ds" b')).toBe('SELECT * FROM druid."wikipedia" a, druid."my-ds" b');
  });

  it('never touches string literals, comments or FROM inside function calls', () => {
    const sql = "SELECT 'FROM nope', EXTRACT(YEAR FROM __time) -- FROM x\nFROM wikipedia";
    expect(rewrite(sql)).toBe("SELECT 'FROM nope', EXTRACT(YEAR FROM __time) -- FROM x\nFROM druid.\"wikipedia\"");
    expect(rewrite("SELECT 'TIME_FLOOR(x, ''P1D'')' FROM wikipedia")).toContain("'TIME_FLOOR(x, ''P1D'')'");
  });

  it('leaves names defined by WITH alone', () => {
    expect(rewrite('WITH t AS (SELECT 1 FROM wikipedia) SELECT * FROM t')).toBe('WITH t AS (SELECT 1 FROM druid."wikipedia") SELECT * FROM t');
    expect(rewrite('WITH t (a) AS (SELECT 1), u AS (SELECT 2) SELECT * FROM t, u')).toBe('WITH t (a) AS (SELECT 1), u AS (SELECT 2) SELECT * FROM t, u');
  });

  it('turns Druid time functions into the engine macros with DuckDB intervals', () => {
    expect(rewrite("SELECT TIME_FLOOR(__time, 'PT15M') FROM wikipedia")).toContain("__tr_time_floor(__time, INTERVAL '15 minutes', TIMESTAMP '1970-01-01', 'UTC')");
    expect(rewrite('SELECT FLOOR(__time TO WEEK), FLOOR(x) FROM wikipedia')).toContain("__tr_time_floor(__time, INTERVAL '1 week', TIMESTAMP '1970-01-05', 'UTC'), FLOOR(x)");
    expect(rewrite('SELECT CURRENT_TIMESTAMP FROM wikipedia', { timeZone: 'Asia/Tokyo' })).toBe("SELECT timezone('UTC', now()) FROM druid.\"wikipedia\"");
  });

  it('inlines dynamic parameters as typed literals', () => {
    const sql = rewrite('SELECT * FROM wikipedia WHERE a = ? AND b > ? AND c IN (?)', {
      parameters: [{ type: 'VARCHAR', value: "it's" }, { type: 'BIGINT', value: '9007199254740993' }, { type: 'ARRAY', value: [1, null, 'x'] }],
    });
    expect(sql).toBe("SELECT * FROM druid.\"wikipedia\" WHERE a = 'it''s' AND b > CAST(9007199254740993 AS BIGINT) AND c IN ([1, NULL, 'x'])");
  });

  it('resolves system tables and reports which ones a query reads', () => {
    const r = rewriteSql('SELECT * FROM INFORMATION_SCHEMA.COLUMNS c JOIN sys.segments s ON 1=1', ctx);
    expect(r.systemTables).toEqual(['INFORMATION_SCHEMA.COLUMNS', 'sys.segments']);
    expect(r.sql).toBe('SELECT * FROM "__druid_INFORMATION_SCHEMA.COLUMNS" c JOIN "__druid_sys.segments" s ON 1=1');
  });

  it('reports unknown tables with Druid messages and positions', () => {
    const e = errorOf('SELECT *\nFROM wiki');
    expect(e.code).toBe('Plan validation failed');
    expect(e.message).toBe("Object 'wiki' not found (line [2], column [6])");
    expect(errorOf('SELECT * FROM lookup.countries').message).toContain("Object 'countries' not found within 'lookup'");
    expect(errorOf("SELECT TIME_FLOOR(__time, 'one day') FROM wikipedia").message).toContain("'one day' is not an ISO-8601 period");
    expect(errorOf('SELECT TIME_FLOOR(__time) FROM wikipedia').message).toContain("Invalid number of arguments to function 'TIME_FLOOR'");
    expect(errorOf('INSERT INTO wikipedia SELECT 1').message).toContain('multi-stage');
  });
});
