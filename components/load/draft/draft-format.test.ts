import { describe, expect, it } from 'vitest';
import type { SampleRecord } from '@/lib/kafka/schemas';
import { DRAFT_VERSION, type LoadDraft } from './draft';
import { decodeStoredDraft, encodeStoredDraft } from './draft-format';

const record = (value: string): SampleRecord => ({
  partition: 0,
  offset: '1',
  timestamp: 1_700_000_000_000,
  timestampType: 'create',
  key: null,
  keyEncoding: 'utf8',
  value,
  valueEncoding: 'utf8',
  valueSize: value.length,
  valueTruncated: false,
  headers: [],
});

const draft: LoadDraft = {
  version: DRAFT_VERSION,
  id: 'topic:payments',
  name: 'payments',
  source: { kind: 'kafka', topic: 'payments' },
  createdAt: 1,
  updatedAt: 2,
  records: [record('{"a":1}'), record('{"a":2}')],
  io: { datasource: 'payments', useEarliestOffset: true },
  specText: '{ "half": ',
};

describe('stored drafts', () => {
  it('keeps everything but the records, which it counts', () => {
    const text = encodeStoredDraft(draft);
    expect(text).not.toContain('{\\"a\\":1}');
    const decoded = decodeStoredDraft(text);
    expect(decoded).toMatchObject({ ok: true, draft: { id: 'topic:payments', recordCount: 2, io: { useEarliestOffset: true }, specText: '{ "half": ' } });
    expect(decoded.ok && decoded.draft.records).toBeUndefined();
    expect(decoded.ok && decoded.upgradedFrom).toBeUndefined();
  });

  it('upgrades a version 1 draft, handing back the records it kept inline', () => {
    const v1 = JSON.stringify({ ...draft, version: 1 });
    const decoded = decodeStoredDraft(v1);
    expect(decoded).toMatchObject({ ok: true, upgradedFrom: 1, draft: { version: DRAFT_VERSION, recordCount: 2 } });
    expect(decoded.ok && decoded.inlineRecords?.map((r) => r.value)).toEqual(['{"a":1}', '{"a":2}']);
  });

  it('explains a draft it cannot read instead of dropping it', () => {
    expect(decodeStoredDraft('{"version":1,"id":')).toMatchObject({ ok: false, problem: expect.stringContaining('not valid JSON') });
    expect(decodeStoredDraft(JSON.stringify({ ...draft, version: 7 }))).toEqual({
      ok: false,
      problem: `a newer version of Tributary saved it (format 7; this one reads up to ${DRAFT_VERSION}), so it is kept unchanged`,
    });
    expect(decodeStoredDraft(JSON.stringify({ ...draft, source: { kind: 'kafka' } }))).toMatchObject({ ok: false, problem: expect.stringContaining('source.topic') });
    expect(decodeStoredDraft(JSON.stringify({ ...draft, version: 1, records: [{ value: 3 }] }))).toMatchObject({ ok: false, problem: expect.stringContaining('its sample is damaged') });
  });
});
