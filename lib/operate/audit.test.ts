import { describe, expect, it } from 'vitest';
import { AuditEntrySchema, auditLine, basicAuthUser } from './audit';

describe('auditLine', () => {
  it('writes one JSON line per entry, with the user only when known', () => {
    const line = auditLine({ time: '2026-01-01T00:00:00.000Z', action: 'suspend', supervisorId: 'clicks', outcome: 'ok' });
    expect(line).toBe('{"time":"2026-01-01T00:00:00.000Z","action":"suspend","supervisorId":"clicks","outcome":"ok"}\n');
    expect(AuditEntrySchema.parse(JSON.parse(line))).toMatchObject({ action: 'suspend' });
  });

  it('records an action whose outcome Druid left unknown', () => {
    const line = auditLine({ time: 't', action: 'reset', supervisorId: 'x', outcome: 'unknown', detail: 'Druid did not answer the reset of "x" within 15 s' });
    expect(AuditEntrySchema.parse(JSON.parse(line)).outcome).toBe('unknown');
  });

  it('keeps a multi-line failure on one line', () => {
    const line = auditLine({ time: 't', action: 'terminate', supervisorId: 'x', outcome: 'failed', user: 'ana', detail: 'Druid said\nno' });
    expect(line.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ user: 'ana', detail: 'Druid said no' });
  });
});

describe('basicAuthUser', () => {
  it('reads the user name and never the password', () => {
    expect(basicAuthUser(`Basic ${btoa('ana:s3cret:with-colon')}`)).toBe('ana');
    expect(basicAuthUser(null)).toBeUndefined();
    expect(basicAuthUser('Basic !!!')).toBeUndefined();
  });
});
