import { describe, expect, it } from 'vitest';
import { messageTimeBounds } from './rejection';

describe('messageTimeBounds', () => {
  const start = Date.parse('2024-05-01T12:00:00Z');
  it('derives the accepted event-time window from the rejection settings', () => {
    expect(messageTimeBounds({}, start, 3_600_000)).toEqual({});
    expect(messageTimeBounds({ lateMessageRejectionPeriod: 'PT1H', earlyMessageRejectionPeriod: 'PT2H' }, start, 3_600_000)).toEqual({
      minimum: Date.parse('2024-05-01T11:00:00Z'),
      maximum: Date.parse('2024-05-01T15:00:00Z'),
    });
    expect(messageTimeBounds({ lateMessageRejectionPeriod: 'P1D', lateMessageRejectionStartDateTime: '2024-05-01T00:00:00Z' }, start, 0)).toEqual({ minimum: Date.parse('2024-05-01T00:00:00Z') });
  });
});
