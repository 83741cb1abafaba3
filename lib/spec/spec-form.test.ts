import { describe, expect, it } from 'vitest';
import { normalizeSpecForm } from './spec-form';

const sections = { dataSchema: { dataSource: 'x' }, ioConfig: { topic: 't' }, tuningConfig: { type: 'kafka' } };

describe('normalizeSpecForm', () => {
  it('leaves the wrapped form alone', () => {
    const wrapped = { type: 'kafka', spec: sections, suspended: true };
    expect(normalizeSpecForm(wrapped)).toEqual({ value: wrapped, form: 'wrapped', notes: [] });
  });

  it('wraps the top-level form, keeping other top-level fields', () => {
    const result = normalizeSpecForm({ type: 'kafka', ...sections, suspended: false });
    expect(result.form).toBe('top-level');
    expect(result.value).toEqual({ type: 'kafka', spec: sections, suspended: false });
    expect(Object.keys(result.value as object)).toEqual(['type', 'spec', 'suspended']);
  });

  it('drops the copies in an Overlord echo', () => {
    const result = normalizeSpecForm({ type: 'kafka', spec: sections, ...sections, context: null, suspended: false });
    expect(result).toMatchObject({ form: 'echo', value: { type: 'kafka', spec: sections, context: null, suspended: false } });
    expect(result.notes[0]).toMatch(/copies of the sections under "spec"/);
  });

  it('does not guess at things that are not specs', () => {
    expect(normalizeSpecForm([1, 2]).form).toBe('unknown');
    expect(normalizeSpecForm({ queryType: 'scan' }).form).toBe('unknown');
  });
});
