import { describe, expect, it } from 'vitest';
import { DruidError } from '../druid/errors';
import { positionRange, queryFailure, sqlErrorPosition } from './failure';

describe('queryFailure', () => {
  it("keeps Druid's words, status and the position context of a SQL error", () => {
    const error = new DruidError({
      kind: 'http',
      status: 400,
      message: "SQL parse failed: Incorrect syntax near the keyword 'FROM' at line 1, column 8",
      service: 'Broker',
      url: 'http://broker:8082',
      method: 'POST',
      path: '/druid/v2/sql',
      druidCode: 'SQL parse failed',
      context: { line: '1', column: '8', endLine: '1', endColumn: '11' },
    });
    const failure = queryFailure(error);
    expect(failure).toMatchObject({ status: 400, code: 'druid_invalid_input' });
    expect(failure.message).toContain("Incorrect syntax near the keyword 'FROM'");
    expect(sqlErrorPosition(failure.details, failure.message)).toEqual({ line: 1, column: 8, endLine: 1, endColumn: 11 });
  });

  it('says an unexpected failure plainly', () => {
    expect(queryFailure(new TypeError('boom'))).toMatchObject({ status: 500, message: 'The query failed unexpectedly: boom' });
  });
});

describe('sqlErrorPosition', () => {
  it('reads a position that is only in the message', () => {
    expect(sqlErrorPosition(undefined, 'Encountered "FORM" at line 2, column 3.')).toEqual({ line: 2, column: 3 });
    expect(sqlErrorPosition({}, 'Column x not found (line [4], column [15])')).toEqual({ line: 4, column: 15 });
  });

  it('finds none when Druid gave none', () => {
    expect(sqlErrorPosition({ context: { line: 'x' } }, 'Query timeout')).toBeUndefined();
  });
});

describe('positionRange', () => {
  const sql = 'SELECT *\nFORM "web-clickstream"';
  it('turns line and column into offsets', () => {
    expect(positionRange(sql, { line: 2, column: 1, endLine: 2, endColumn: 4 })).toEqual({ from: 9, to: 13 });
  });
  it('underlines the word at the position when there is no end', () => {
    const { from, to } = positionRange(sql, { line: 2, column: 1 });
    expect(sql.slice(from, to)).toBe('FORM');
  });
  it('stays inside the text when the position is past its end', () => {
    expect(positionRange('SELECT', { line: 9, column: 40 })).toEqual({ from: 6, to: 6 });
  });
});
