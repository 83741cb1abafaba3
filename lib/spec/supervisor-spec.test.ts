import { describe, expect, it } from 'vitest';
import { CLICKS_SPEC } from './spec-test-helpers';
import { supervisorSpecSchema } from './supervisor-spec';

describe('supervisorSpecSchema', () => {
  it('accepts a Kafka spec and keeps unknown fields at every level', () => {
    const spec = { ...CLICKS_SPEC, id: 'clicks-supervisor', context: { taskLockType: 'APPEND' }, spec: { ...CLICKS_SPEC.spec, extra: 1 } };
    expect(supervisorSpecSchema.parse(spec)).toEqual(spec);
  });

  it('wants the sections it depends on', () => {
    const { ioConfig: _io, ...noIo } = CLICKS_SPEC.spec;
    expect(supervisorSpecSchema.safeParse({ type: 'kafka', spec: noIo }).error?.issues[0].path).toEqual(['spec', 'ioConfig']);
    expect(supervisorSpecSchema.safeParse({ ...CLICKS_SPEC, type: 'kinesis' }).error?.issues[0].message).toMatch(/must be "kafka"/);
  });
});
