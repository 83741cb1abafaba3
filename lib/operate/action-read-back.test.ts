import { describe, expect, it } from 'vitest';
import { describeReadBack, stateLabel, stateShowsDone } from './action-read-back';

const AT = Date.parse('2026-12-07T21:50:03.400Z');
const state = (s: string, detailed = s, suspended = s === 'SUSPENDED') => ({ gone: false as const, state: s, detailedState: detailed, suspended });

describe('an action read back from Druid', () => {
  it('shows a suspend done once Druid reports it suspended, a resume once it does not, a terminate once it is gone', () => {
    expect(stateShowsDone('suspend', state('RUNNING'))).toBe(false);
    expect(stateShowsDone('suspend', state('PENDING', 'PENDING', true))).toBe(true);
    expect(stateShowsDone('suspend', state('SUSPENDED'))).toBe(true);
    expect(stateShowsDone('resume', state('PENDING'))).toBe(true);
    expect(stateShowsDone('resume', state('SUSPENDED'))).toBe(false);
    expect(stateShowsDone('terminate', state('RUNNING'))).toBe(false);
    expect(stateShowsDone('terminate', { gone: true })).toBe(true);
  });

  it('says what Druid reported and when', () => {
    expect(describeReadBack('suspend', state('SUSPENDED'), AT)).toBe('Druid reports it SUSPENDED (read at 21:50:03 UTC).');
    expect(describeReadBack('resume', state('RUNNING', 'CONNECTING_TO_STREAM'), AT)).toBe('Druid reports it RUNNING (CONNECTING_TO_STREAM) (read at 21:50:03 UTC).');
    expect(describeReadBack('suspend', state('RUNNING'), AT)).toBe('Druid still reports it RUNNING (read at 21:50:03 UTC); the change shows once its supervisor loop has run.');
    expect(describeReadBack('suspend', state('PENDING', 'PENDING', true), AT)).toBe('Druid reports it suspended; its state reads PENDING until its supervisor loop next runs (read at 21:50:03 UTC).');
    expect(describeReadBack('terminate', { gone: true }, AT)).toBe('Druid no longer lists it (read at 21:50:03 UTC).');
    expect(describeReadBack('reset', undefined, AT)).toBe('Its status could not be read back (read at 21:50:03 UTC); check the status page.');
    expect([stateLabel(state('SUSPENDED')), stateLabel({ gone: true }), stateLabel(undefined)]).toEqual(['SUSPENDED', 'gone', null]);
    // Before Druid's loop has run, the row says what its status already reports.
    expect([stateLabel(state('PENDING', 'PENDING', true)), stateLabel(state('SUSPENDED', 'SUSPENDED', false))]).toEqual(['SUSPENDED', 'RESUMED']);
  });
});
