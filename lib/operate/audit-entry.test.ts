import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../spec/diff-spec';
import { CLICKS_SPEC, clicksSpecWith } from '../spec/spec-test-helpers';
import { AuditQuerySchema, auditTargetOf, canonicalJson, MAX_AUDIT_CHANGES, specHash, summarizeSubmit } from './audit-entry';
import { REDACTED } from './redact';

const JAAS = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="kafka-secret";';
const withJaas = (jaas: string) => clicksSpecWith((s) => void (s.spec.ioConfig.consumerProperties!['sasl.jaas.config'] = jaas));

describe('specHash', () => {
  it('is the sha256 of the spec with its keys sorted, so the same spec always has the same hash', async () => {
    const reordered = JSON.parse(JSON.stringify({ spec: CLICKS_SPEC.spec, type: 'kafka' }));
    expect(await specHash(reordered)).toBe(await specHash(CLICKS_SPEC));
    expect(await specHash(CLICKS_SPEC)).toBe(createHash('sha256').update(canonicalJson(CLICKS_SPEC)).digest('hex'));
    expect(await specHash(clicksSpecWith((s) => void (s.spec.ioConfig.taskCount = 3)))).not.toBe(await specHash(CLICKS_SPEC));
  });

  it('hashes secrets as Tributary shows them, so the hash cannot be used to guess a password', async () => {
    expect(await specHash(withJaas(JAAS))).toBe(await specHash(withJaas(REDACTED)));
    expect(await specHash(withJaas(JAAS))).toBe(await specHash(withJaas(JAAS.replace('kafka-secret', 'other'))));
  });

  it('writes big offsets and absent values the same way every time', () => {
    expect(canonicalJson({ b: 9007199254740993n, a: undefined, c: [undefined, 1] })).toBe('{"b":"9007199254740993","c":[null,1]}');
  });
});

describe('summarizeSubmit', () => {
  it('lists what an update changed, with the risks, from the spec diff', () => {
    const after = clicksSpecWith((s) => {
      s.spec.ioConfig.taskCount = 4;
      s.spec.dataSchema.granularitySpec!.queryGranularity = 'hour';
    });
    const summary = summarizeSubmit('updated', diffSpecs(CLICKS_SPEC, after));
    expect(summary.submit).toBe('updated');
    expect(summary.changes).toEqual(
      expect.arrayContaining([
        { path: 'spec.ioConfig.taskCount', kind: 'changed', from: '2', to: '4' },
        { path: 'spec.dataSchema.granularitySpec.queryGranularity', kind: 'changed', from: 'minute', to: 'hour' },
      ]),
    );
    expect(summary.risks.length).toBeGreaterThan(0);
    expect(summary.omitted).toBe(0);
  });

  it('never writes a secret into the trail, even when it is what changed', () => {
    const summary = summarizeSubmit('updated', diffSpecs(withJaas(JAAS), withJaas(JAAS.replace('kafka-secret', 'rotated'))));
    expect(summary.changes).toEqual([{ path: 'spec.ioConfig.consumerProperties["sasl.jaas.config"]', kind: 'changed', from: REDACTED, to: REDACTED }]);
    const added = summarizeSubmit('updated', diffSpecs(clicksSpecWith((s) => void ((s.spec.ioConfig as Record<string, unknown>).consumerProperties = undefined)), withJaas(JAAS)));
    expect(JSON.stringify(added)).not.toContain('kafka-secret');
  });

  it('keeps a created or unchanged submit to its kind, and a huge update to its first changes and a count', () => {
    expect(summarizeSubmit('created')).toEqual({ submit: 'created', changes: [], omitted: 0, risks: [] });
    expect(summarizeSubmit('unchanged', diffSpecs(CLICKS_SPEC, CLICKS_SPEC))).toEqual({ submit: 'unchanged', changes: [], omitted: 0, risks: [] });
    const after = clicksSpecWith((s) => {
      s.spec.dataSchema.dimensionsSpec!.dimensions = Array.from({ length: 80 }, (_, i) => `d${i}`);
    });
    const summary = summarizeSubmit('updated', diffSpecs(CLICKS_SPEC, after));
    expect(summary.changes).toHaveLength(MAX_AUDIT_CHANGES);
    expect(summary.omitted).toBeGreaterThan(0);
  });
});

describe('AuditQuerySchema', () => {
  it('reads days as whole UTC days and times as instants', () => {
    expect(AuditQuerySchema.parse({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' });
    expect(AuditQuerySchema.parse({ from: '2026-03-01T12:00:00+02:00' }).from).toBe('2026-03-01T10:00:00.000Z');
  });

  it('treats empty fields as no filter and reads paging from the URL', () => {
    expect(AuditQuerySchema.parse({ user: '', supervisor: 'clicks', before: '120', limit: '20', format: 'jsonl' })).toEqual({ supervisor: 'clicks', before: 120, limit: 20, format: 'jsonl' });
  });

  it('says which filter is wrong and how to write it', () => {
    const issues = (query: Record<string, string>) => AuditQuerySchema.safeParse(query).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ from: 'yesterday' })).toEqual(['from: must be a day such as 2026-03-01 or a time such as 2026-03-01T12:00:00Z']);
    expect(issues({ from: '2026-03-02', to: '2026-03-01T00:00:00Z' })).toEqual(['to: must be after from']);
    expect(issues({ limit: '5000' })).toEqual(['limit: must be at most 500']);
    expect(issues({ outcome: 'maybe' })).toEqual(['outcome: must be one of ok, unchanged, refused, failed, unknown']);
    expect(issues({ format: 'csv' })).toEqual(['format: must be json or jsonl']);
  });
});

describe('auditTargetOf', () => {
  it('names the action and supervisor of a request refused before its handler ran', () => {
    expect(auditTargetOf('POST', '/api/supervisors')).toEqual({ action: 'submit', supervisorId: null });
    expect(auditTargetOf('POST', '/api/supervisors/web%20clicks/terminate')).toEqual({ action: 'terminate', supervisorId: 'web clicks' });
    expect(auditTargetOf('POST', '/api/supervisors/clicks/rollback/extra')).toEqual({ action: 'POST /api/supervisors/clicks/rollback/extra', supervisorId: 'clicks' });
    expect(auditTargetOf('POST', '/api/load/check')).toEqual({ action: 'POST /api/load/check', supervisorId: null });
    expect(auditTargetOf('POST', '/api/supervisors/bulk')).toEqual({ action: 'bulk', supervisorId: null });
    expect(auditTargetOf('PUT', '/api/alerts/rules')).toEqual({ action: 'alert-rules', supervisorId: null });
  });
});
