import { describe, expect, it } from 'vitest';
import { decodeRecord, decodeSample } from './decode';
import { toSampleRecords } from './input';

const [record] = toSampleRecords({ lines: ['a,"b, c",3'] });

describe('decodeRecord', () => {
  it('maps delimited fields onto declared columns, empty fields as null', () => {
    const decoded = decodeRecord(record, { format: 'csv', delimiter: ',', columnNames: ['x', 'y', 'z'] });
    expect(decoded.ok && { ...decoded.value.rows[0].root }).toEqual({ x: 'a', y: 'b, c', z: '3' });
  });

  it('zips fields onto columns as far as both go, as Druid does', () => {
    const extra = decodeRecord(record, { format: 'csv', delimiter: ',', columnNames: ['x', 'y'] });
    expect(extra.ok && { ...extra.value.rows[0].root }).toEqual({ x: 'a', y: 'b, c' });
    const missing = decodeRecord(record, { format: 'csv', delimiter: ',', columnNames: ['x', 'y', 'z', 'w'] });
    expect(missing.ok && 'w' in missing.value.rows[0].root).toBe(false);
  });

  it('recognises the header line so it can be dropped, with the fields Druid reads from it', () => {
    const [header] = toSampleRecords({ lines: ['x,y,z'] });
    const decoded = decodeRecord(header, { format: 'csv', delimiter: ',', columnNames: ['x', 'y', 'z'], headerLine: 'x,y,z' });
    expect(decoded).toMatchObject({ ok: true, value: { rows: [], isHeader: true } });
    expect(decoded.ok && { ...decoded.value.headerFields }).toEqual({ x: 'x', y: 'y', z: 'z' });
  });

  it('decodes a sample once per settings', () => {
    const records = toSampleRecords({ lines: ['{"a":1}'] });
    expect(decodeSample(records, { format: 'json' })).toBe(decodeSample(records, { format: 'json' }));
  });
});
