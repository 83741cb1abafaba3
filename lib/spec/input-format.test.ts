import { describe, expect, it } from 'vitest';
import { inputFormatSchema } from './input-format';

describe('inputFormatSchema', () => {
  it('checks the formats it knows field by field', () => {
    expect(inputFormatSchema.safeParse({ type: 'json', flattenSpec: { fields: [{ type: 'path', name: 'city', expr: '$.geo.city' }] } }).success).toBe(true);
    const badFlatten = inputFormatSchema.safeParse({ type: 'json', flattenSpec: { fields: [{ type: 'xpath', name: 'city' }] } });
    expect(badFlatten.error?.issues[0].path).toEqual(['flattenSpec', 'fields', 0, 'type']);
    const noPattern = inputFormatSchema.safeParse({ type: 'regex', columns: ['line'] });
    expect(noPattern.error?.issues[0]).toMatchObject({ path: ['pattern'], message: 'pattern is required for a regex input format' });
  });

  it('passes extension formats through untouched', () => {
    const avro = { type: 'avro_stream', avroBytesDecoder: { type: 'schema_registry', url: 'http://registry:8081' }, binaryAsString: false };
    expect(inputFormatSchema.parse(avro)).toEqual(avro);
  });

  it('needs a type', () => {
    expect(inputFormatSchema.safeParse({ flattenSpec: {} }).success).toBe(false);
  });
});
