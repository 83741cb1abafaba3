import { describe, expect, it } from 'vitest';
import { inferSchema } from '@/lib/infer';
import { toInferInput } from '@/lib/infer/request';
import { adClicks, sampled, T0 } from './fixtures';
import { analyzeDecode, flattenJsonColumn, planForDecode } from './redecode';
import { setRole } from './plan-edits';

describe('re-reading the sample under other decode settings', () => {
  it('names delimited columns the user declared, and ranks their times', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => sampled(`${T0 + i * 1000}|sensor-${i % 3}|${20 + (i % 5)}`, i));
    const result = await inferSchema(toInferInput(lines));
    const decode = { format: 'delimited' as const, delimiter: '|', columnNames: ['ts', 'sensor', 'temp'] };
    const analysis = analyzeDecode(result.sample, decode, T0 + 60_000);
    expect(analysis.columns.map((c) => c.name)).toEqual(['ts', 'sensor', 'temp']);
    const next = planForDecode(result.plan, decode, analysis);
    expect(next.decode).toEqual(decode);
    expect(next.timestamp).toMatchObject({ column: 'ts', format: 'millis' });
  });

  it('keeps the columns the user edited when they survive the change', async () => {
    const result = await inferSchema(toInferInput(adClicks(30)));
    const edited = setRole(result.plan, 'city', 'none');
    const decode = { format: 'json' as const };
    const next = planForDecode(edited, decode, analyzeDecode(result.sample, decode, T0));
    expect(next.columns.find((c) => c.name === 'city')?.role).toBe('none');
  });

  it('flattens a json column into one column per nested field', async () => {
    const records = Array.from({ length: 20 }, (_, i) => sampled(JSON.stringify({ ts: T0 + i, geo: { lat: 59.9 + i, country: 'NO' } }), i));
    const result = await inferSchema(toInferInput(records));
    const kept = { ...result.plan, columns: [...result.plan.columns.filter((c) => !c.path?.startsWith('$.geo.')), { name: 'geo', path: '$.geo', type: 'json' as const, role: 'dimension' as const, why: '' }] };
    const flat = flattenJsonColumn(result.sample, kept, 'geo');
    expect(flat.columns.filter((c) => c.path?.startsWith('$.geo.')).map((c) => [c.name, c.path])).toEqual([
      ['geo_lat', '$.geo.lat'],
      ['geo_country', '$.geo.country'],
    ]);
  });
});
