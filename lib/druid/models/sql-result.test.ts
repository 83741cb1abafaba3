import { describe, expect, it } from 'vitest';
import { fixtureText } from '../testing/fixtures';
import { normalizeSqlResult, parseCsv, SqlResultError } from './sql-result';

const all = { header: true, typesHeader: true, sqlTypesHeader: true };
const user = [['BlueMoon2662']];

describe('normalizeSqlResult', () => {
  it('reads array results under every combination of header flags', () => {
    expect(normalizeSqlResult(fixtureText('broker.sql.response.array.header-types.json'), 'array', all)).toEqual({
      columns: [{ name: 'user', type: 'STRING', sqlType: 'VARCHAR' }],
      rows: user,
    });
    expect(normalizeSqlResult(fixtureText('broker.sql.response.array.typesHeader.json'), 'array', { header: true, typesHeader: true })).toEqual({
      columns: [{ name: 'user', type: 'STRING' }],
      rows: user,
    });
    expect(normalizeSqlResult(fixtureText('broker.sql.response.array.sqlTypesHeader.json'), 'array', { header: true, sqlTypesHeader: true })).toEqual({
      columns: [{ name: 'user', sqlType: 'VARCHAR' }],
      rows: user,
    });
    expect(normalizeSqlResult(fixtureText('broker.sql.response.array.header-only.json'), 'array', { header: true })).toEqual({
      columns: [{ name: 'user' }],
      rows: user,
    });
  });

  it('reads object results, keeping the column order of the header', () => {
    const result = normalizeSqlResult(fixtureText('broker.sql.response.object.header-types.json'), 'object', all);
    expect(result.columns.slice(0, 3)).toEqual([
      { name: '__time', type: 'LONG', sqlType: 'TIMESTAMP' },
      { name: 'channel', type: 'STRING', sqlType: 'VARCHAR' },
      { name: 'cityName', type: 'STRING', sqlType: 'VARCHAR' },
    ]);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0].slice(0, 2)).toEqual(['2015-09-12T00:47:53.259Z', '#ja.wikipedia']);
    expect(normalizeSqlResult(fixtureText('broker.sql.response.object.header-only.json'), 'object', { header: true })).toEqual({
      columns: [{ name: 'user' }],
      rows: user,
    });
    expect(normalizeSqlResult(fixtureText('broker.sql.response.object.sqlTypesHeader.json'), 'object', { header: true, sqlTypesHeader: true }).columns).toEqual([
      { name: 'user', sqlType: 'VARCHAR' },
    ]);
  });

  it('takes column names from the rows when there is no header', () => {
    expect(normalizeSqlResult('[{"a":1,"b":"x"},{"a":2,"b":null}]', 'object')).toEqual({
      columns: [{ name: 'a' }, { name: 'b' }],
      rows: [[1, 'x'], [2, null]],
    });
    expect(normalizeSqlResult('[[1,"x"]]', 'array').columns).toEqual([{ name: 'column1' }, { name: 'column2' }]);
  });

  it('reads the line formats and CSV', () => {
    const arrayLines = '["user"]\n["STRING"]\n["VARCHAR"]\n["BlueMoon2662"]\n\n';
    expect(normalizeSqlResult(arrayLines, 'arrayLines', all)).toEqual({ columns: [{ name: 'user', type: 'STRING', sqlType: 'VARCHAR' }], rows: user });
    const objectLines = '{"user":{"type":"STRING","sqlType":"VARCHAR"}}\n{"user":"BlueMoon2662"}\n\n';
    expect(normalizeSqlResult(objectLines, 'objectLines', all)).toEqual({ columns: [{ name: 'user', type: 'STRING', sqlType: 'VARCHAR' }], rows: user });
    expect(normalizeSqlResult(fixtureText('broker.sql.response.csv.header-types.txt'), 'csv', all)).toEqual({
      columns: [{ name: 'user', type: 'STRING', sqlType: 'VARCHAR' }],
      rows: user,
    });
    expect(normalizeSqlResult(fixtureText('broker.sql.response.csv.header-only.txt'), 'csv', { header: true }).rows).toEqual(user);
  });

  it('ignores type flags without a header, as Druid does', () => {
    expect(normalizeSqlResult('[["BlueMoon2662"]]', 'array', { typesHeader: true, sqlTypesHeader: true })).toEqual({
      columns: [{ name: 'column1' }],
      rows: user,
    });
  });

  it('keeps a LONG beyond 2^53 exact', () => {
    expect(normalizeSqlResult('[["n"],[9007199254740993]]', 'array', { header: true }).rows).toEqual([['9007199254740993']]);
  });

  it('says when a result was cut off mid-stream', () => {
    expect(() => normalizeSqlResult('[["user"],["BlueMo', 'array', { header: true })).toThrow(SqlResultError);
    expect(() => normalizeSqlResult('[["user"],["BlueMo', 'array', { header: true })).toThrow(/ends before it is complete/);
    expect(() => normalizeSqlResult('["user"]\n["BlueMoon2662"]', 'arrayLines', { header: true })).toThrow(/final newline/);
    expect(() => normalizeSqlResult('user\nBlue', 'csv', { header: true })).toThrow(/final newline/);
  });

  it('names the row that has the wrong shape', () => {
    expect(() => normalizeSqlResult('[{"a":1},[2]]', 'object')).toThrow(/row 2 that is not a JSON object/);
  });
});

describe('parseCsv', () => {
  it('reads quoted commas, quotes and newlines', () => {
    expect(parseCsv('"a","b"\n"x, y","say ""hi""\nthere"\n,\n\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['', ''],
    ]);
  });
});
