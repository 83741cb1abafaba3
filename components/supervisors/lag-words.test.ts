import { describe, expect, it } from 'vitest';
import { lagHeadline } from './lag-words';

const base = { totalLag: '1200', producedPerSec: 100, consumedPerSec: 400, etaSeconds: null };

describe('lagHeadline', () => {
  it('gives the time to drain while lag falls', () => {
    expect(lagHeadline({ ...base, direction: 'draining', etaSeconds: 240 })).toEqual({ text: 'Draining: caught up in ~4 min', tone: 'good' });
    expect(lagHeadline({ ...base, direction: 'draining', etaSeconds: 0.2 }).text).toBe('Draining: caught up in ~1 s');
  });

  it('warns with both rates when messages arrive faster than Druid reads them', () => {
    expect(lagHeadline({ ...base, direction: 'rising', producedPerSec: 500, consumedPerSec: 0 })).toEqual({ text: 'Falling behind: 500/s written, 0/s read', tone: 'bad' });
  });

  it('says caught up, steady, or not yet known', () => {
    expect(lagHeadline({ ...base, totalLag: '0', direction: 'caught-up' }).text).toBe('Caught up');
    expect(lagHeadline({ ...base, direction: 'steady' }).text).toBe('Lag holding steady');
    expect(lagHeadline({ ...base, direction: 'unknown' }).text).toBe('Measuring the rates…');
  });
});
