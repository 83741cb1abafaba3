import { describe, expect, it } from 'vitest';
import { choiceFromParam, choiceTime, localNote } from './reset-to-time-choice';

const NOW = Date.parse('2026-12-07T12:00:00.500Z');

describe('the time a reset goes to, as the dialog holds it', () => {
  it('opens at the time a link names, else an hour ago', () => {
    expect(choiceFromParam('earliest', NOW)).toEqual({ kind: 'earliest' });
    expect(choiceFromParam('2026-12-07T10:00:00Z', NOW)).toEqual({ kind: 'at', utc: '2026-12-07T10:00:00' });
    expect(choiceFromParam(null, NOW)).toEqual({ kind: 'at', utc: '2026-12-07T11:00:00' });
    expect(choiceFromParam('soon', NOW)).toEqual({ kind: 'at', utc: '2026-12-07T11:00:00' });
  });

  it('sends the UTC date and time as an instant, and nothing while it is incomplete', () => {
    expect(choiceTime({ kind: 'at', utc: '2026-12-07T10:00' })).toBe('2026-12-07T10:00Z');
    expect(choiceTime({ kind: 'at', utc: '' })).toBeUndefined();
    expect(choiceTime({ kind: 'latest' })).toBe('latest');
  });

  it('notes the same moment in the viewer’s time zone', () => {
    expect(localNote({ kind: 'at', utc: '2026-12-07T10:00:00' }, 'Europe/Paris')).toBe('7 Dec 2026, 11:00:00 in your time zone (Europe/Paris)');
    expect(localNote({ kind: 'earliest' }, 'Europe/Paris')).toBeUndefined();
  });
});
