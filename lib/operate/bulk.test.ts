import { describe, expect, it } from 'vitest';
import { bulkOutcome, BulkRequestSchema, bulkSummary, type BulkTarget } from './bulk';

const row = (id: string, fields: Partial<BulkTarget> = {}): BulkTarget => ({ id, state: 'RUNNING', suspended: false, activeTasks: 1, ...fields });

describe('a bulk request', () => {
  it('names an action and between one and 100 different supervisors', () => {
    expect(BulkRequestSchema.parse({ action: 'suspend', ids: ['a', 'b'] })).toEqual({ action: 'suspend', ids: ['a', 'b'] });
    const issues = (body: unknown) => BulkRequestSchema.safeParse(body).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ action: 'reset', ids: ['a'] })).toEqual(['action: must be one of suspend, resume, handoff, terminate']);
    expect(issues({ action: 'suspend', ids: [] })).toEqual(['ids: name at least one supervisor']);
    expect(issues({ action: 'suspend', ids: Array.from({ length: 101 }, (_, i) => `s${i}`) })).toEqual(['ids: name at most 100 supervisors at once']);
    expect(issues({ action: 'resume', ids: ['a', ''] })).toEqual(['ids.1: a supervisor id cannot be empty']);
    expect(issues({ action: 'resume', ids: ['a', 'b', 'a'] })).toEqual(['ids: "a" is named more than once']);
  });
});

describe('the summary before a bulk action', () => {
  it('says which supervisors it stops and which it leaves as they are', () => {
    const rows = [row('a'), row('b'), row('c', { state: 'SUSPENDED', suspended: true, activeTasks: 0 })];
    expect(bulkSummary('suspend', ['a', 'b', 'c'], rows)).toEqual({
      title: 'Suspend 3 supervisors: a, b, c',
      lines: ['2 will stop reading and publish what they have read (a, b)', '1 already suspended, left as it is (c)'],
    });
    expect(bulkSummary('resume', ['a', 'c'], rows).lines).toEqual(['1 not suspended, left as it is (a)', '1 will start new tasks from their stored offsets (c)']);
    expect(bulkSummary('handoff', ['c', 'gone'], rows).lines).toEqual(['1 no task reading, nothing to hand off (c)', '1 not on the dashboard now: Druid is asked anyway (gone)']);
    expect(bulkSummary('terminate', ['a'], rows).title).toBe('Terminate 1 supervisor: a');
  });

  it('and after it, counts what was done, left and failed', () => {
    expect(bulkOutcome('resume', [{ ok: true, acted: true }, { ok: true, acted: true }, { ok: true, acted: false }, { ok: false, acted: true }])).toBe('2 resumed; 1 left as it was; 1 failed');
    expect(bulkOutcome('suspend', [{ ok: true, acted: true }])).toBe('1 suspended');
  });
});
