import { afterEach, describe, expect, it, vi } from 'vitest';
import { previewPlan } from '@/lib/infer';
import { runInference } from './run-inference';
import { sampled } from './fixtures';

afterEach(() => vi.unstubAllGlobals());

const framed = Buffer.concat([Buffer.from([0, 0, 0, 0, 3]), Buffer.from([2, 4, 6])]).toString('base64');
const records = Array.from({ length: 4 }, (_, i) => sampled(framed, i, { valueEncoding: 'base64' }));

describe('runInference', () => {
  it('infers plain messages in the browser without calling the server', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { result } = await runInference([sampled('{"a":1}', 0)]);
    expect(result.format).toBe('json');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends framed values to /api/infer and previews edits with the values the registry decoded', async () => {
    const plan = {
      decode: { format: 'avro' as const, framed: true },
      timestamp: { column: 'kafka.timestamp', format: 'millis' },
      columns: [{ name: 'user', path: '$.user', type: 'string' as const, role: 'dimension' as const, why: '' }],
      rollup: false,
      queryGranularity: 'none' as const,
      segmentGranularity: 'hour' as const,
    };
    const fetch = vi.fn(async () =>
      Response.json({ format: 'avro', formatWhy: 'decoded', plan, timestampCandidates: [], warnings: [], decoded: [{ user: 'ana' }, { user: 'bo' }, { error: 'schema 3 is unknown' }, { user: 'cy' }] }),
    );
    vi.stubGlobal('fetch', fetch);
    const inference = await runInference(records);
    expect(fetch).toHaveBeenCalledWith('/api/infer', expect.objectContaining({ method: 'POST' }));
    const preview = previewPlan(inference.sample, plan);
    expect(preview.rows.map((r) => r.user)).toEqual(['ana', 'bo', 'cy']);
    expect(preview.unparseable[0].reason).toBe('schema 3 is unknown');
  });
});
