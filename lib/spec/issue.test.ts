import { describe, expect, it } from 'vitest';
import { error, getAt, hasErrors, pathToText, warning } from './issue';

describe('pathToText', () => {
  it.each([
    [['spec', 'dataSchema', 'granularitySpec', 'queryGranularity'], 'spec.dataSchema.granularitySpec.queryGranularity'],
    [['spec', 'dataSchema', 'dimensionsSpec', 'dimensions', 2], 'spec.dataSchema.dimensionsSpec.dimensions[2]'],
    [['spec', 'ioConfig', 'consumerProperties', 'bootstrap.servers'], 'spec.ioConfig.consumerProperties["bootstrap.servers"]'],
    [[], '(root)'],
  ])('%j reads as %s', (path, text) => {
    expect(pathToText(path)).toBe(text);
  });
});

describe('getAt', () => {
  it('walks objects and arrays and stops at missing parts', () => {
    const value = { a: { b: [10, { c: 'x' }] } };
    expect(getAt(value, ['a', 'b', 1, 'c'])).toBe('x');
    expect(getAt(value, ['a', 'z', 0])).toBeUndefined();
    expect(getAt(value, ['a', 'b', 'c'])).toBeUndefined();
  });
});

describe('hasErrors', () => {
  it('is what blocks submitting: warnings alone do not', () => {
    expect(hasErrors([warning(['spec'], 'w')])).toBe(false);
    expect(hasErrors([warning(['spec'], 'w'), error(['spec', 'ioConfig'], 'e')])).toBe(true);
  });
});
