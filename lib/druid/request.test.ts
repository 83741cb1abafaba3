import { describe, expect, it } from 'vitest';
import { parseRequest } from './request';
import { ResetOffsetsRequestSchema, SqlQueryRequestSchema } from './schemas';

describe('parseRequest', () => {
  it('names the request, the field and what is wrong with it', () => {
    expect(() => parseRequest(SqlQueryRequestSchema, { query: 'SELECT 1', resultFormat: 'xml' }, 'Druid SQL request')).toThrow(
      /^Invalid Druid SQL request:\n.*\n\s+→ at resultFormat$/,
    );
    const offsets = { type: 'kafka', partitions: { type: 'end', stream: 't', partitionOffsetMap: { '0': 'latest' } } };
    expect(() => parseRequest(ResetOffsetsRequestSchema, offsets, 'resetOffsets request')).toThrow(/at partitions\.partitionOffsetMap\.0/);
  });

  it('returns the parsed request when it is valid', () => {
    expect(parseRequest(SqlQueryRequestSchema, { query: 'SELECT 1' }, 'Druid SQL request')).toEqual({ query: 'SELECT 1' });
  });
});
