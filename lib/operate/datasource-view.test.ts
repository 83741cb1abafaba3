import { describe, expect, it } from 'vitest';
import { DatasourceNameSchema, supervisorsWriting } from './datasource-view';

const row = (id: string, datasource: string | null) => ({ id, datasource });

describe('supervisorsWriting', () => {
  it('groups the supervisors that write to one datasource, by id, and leaves out the others', () => {
    const rows = [row('clicks-eu', 'clicks'), row('orders', 'orders'), row('clicks-us', 'clicks'), row('unknown', null)];
    expect(supervisorsWriting('clicks', rows).map((r) => r.id)).toEqual(['clicks-eu', 'clicks-us']);
    expect(supervisorsWriting('nothing', rows)).toEqual([]);
  });
});

describe('DatasourceNameSchema', () => {
  it('refuses names Druid refuses, saying why', () => {
    expect(DatasourceNameSchema.safeParse('web clicks-2024').success).toBe(true);
    expect(DatasourceNameSchema.safeParse('.hidden').error?.issues[0].message).toBe('a datasource name cannot start with "."');
    expect(DatasourceNameSchema.safeParse('a\tb').error?.issues[0].message).toBe('a datasource name cannot contain tabs or line breaks');
    expect(DatasourceNameSchema.safeParse('x'.repeat(256)).error?.issues[0].message).toBe('a datasource name is at most 255 characters');
  });
});
