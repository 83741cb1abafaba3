import { describe, expect, it } from 'vitest';
import { dimensionName, dimensionNames, dimensionsSpecSchema, dimensionType } from './dimensions-spec';

describe('dimensions', () => {
  it('reads bare names as string dimensions and objects by their type', () => {
    expect(dimensionNames({ dimensions: ['url', { type: 'long', name: 'status' }, { name: 'city' }] })).toEqual(['url', 'status', 'city']);
    expect(['url', { type: 'long', name: 'status' }, { name: 'city' }].map((d) => dimensionType(d))).toEqual(['string', 'long', 'string']);
    expect(dimensionName({ type: 'json', name: 'payload' })).toBe('payload');
  });

  it('accepts schema discovery with no dimension list, and keeps spatial and unknown settings', () => {
    const spec = { useSchemaDiscovery: true, spatialDimensions: [{ dimName: 'coords', dims: ['lat', 'lon'] }], futureFlag: 1 };
    expect(dimensionsSpecSchema.parse(spec)).toEqual(spec);
  });
});
