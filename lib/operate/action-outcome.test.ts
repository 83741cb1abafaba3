import { describe, expect, it } from 'vitest';
import { describeLateOutcome, outcomeFromReadBack } from './action-outcome';

describe('outcomeFromReadBack', () => {
  it('counts a terminate done once the supervisor is gone, or once Druid has recorded it and is stopping the tasks', () => {
    expect(outcomeFromReadBack('terminate', { exists: false })).toBe('done');
    expect(outcomeFromReadBack('terminate', { exists: true, suspended: false, terminating: true })).toBe('done');
    expect(outcomeFromReadBack('terminate', { exists: true, suspended: false, terminating: false })).toBe('unknown');
  });

  it('counts a suspend or a resume done when the spec says so', () => {
    expect(outcomeFromReadBack('suspend', { exists: true, suspended: true, terminating: false })).toBe('done');
    expect(outcomeFromReadBack('suspend', { exists: true, suspended: false, terminating: false })).toBe('unknown');
    expect(outcomeFromReadBack('resume', { exists: true, suspended: false, terminating: false })).toBe('done');
    expect(outcomeFromReadBack('resume', { exists: false })).toBe('unknown');
  });

  it('cannot tell for what leaves no trace in the spec, or when nothing could be read', () => {
    expect(outcomeFromReadBack('reset', { exists: true, suspended: false, terminating: false })).toBe('unknown');
    expect(outcomeFromReadBack('resetOffsets', { exists: false })).toBe('unknown');
    expect(outcomeFromReadBack('terminate', undefined)).toBe('unknown');
  });
});

describe('describeLateOutcome', () => {
  it('says Druid was late and what reading back showed', () => {
    expect(describeLateOutcome('clicks', 'terminate', 'done', 15)).toBe('Druid did not answer the terminate of "clicks" within 15 s, but reading it back shows it done.');
    expect(describeLateOutcome('clicks', 'suspend', 'unknown', 15)).toContain('Druid may still be carrying it out');
    expect(describeLateOutcome('clicks', 'reset', 'unknown', 15)).toContain('cannot be read back');
  });
});
