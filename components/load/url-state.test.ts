import { describe, expect, it } from 'vitest';
import { loadUrl, parseLoadUrl, toSampleRequest } from './url-state';

const parse = (query: string) => parseLoadUrl(new URLSearchParams(query));

describe('Load URL state', () => {
  it('opens on the topic list by default and on the sample step when a topic is named', () => {
    expect(parse('').state.step).toBe('topic');
    expect(parse('topic=web-clicks').state).toMatchObject({ step: 'sample', topic: 'web-clicks', from: 'earliest', limit: 500 });
    expect(parse('source=paste').state.step).toBe('sample');
  });

  it('round-trips sample settings through the link', () => {
    const url = loadUrl({ step: 'sample', topic: 'ads', from: 'timestamp', at: Date.parse('2026-01-31T12:00:00Z'), limit: 2000 });
    expect(url).toBe('/load?step=sample&topic=ads&from=timestamp&at=2026-01-31T12%3A00%3A00.000Z&limit=2000');
    const { state } = parse(url.split('?')[1]);
    expect(toSampleRequest(state)).toEqual({ limit: 2000, from: { timestamp: Date.parse('2026-01-31T12:00:00Z') } });
  });

  it('reads explicit offsets as partition:offset pairs, keeping big offsets exact', () => {
    const { state } = parse('topic=ads&from=offsets&offsets=0:9007199254740993,3:12');
    expect(toSampleRequest(state)).toEqual({ limit: 500, from: { offsets: { '0': '9007199254740993', '3': '12' } } });
  });

  it('ignores bad values and says what was wrong with each', () => {
    const { state, problems } = parse('topic=ads&limit=lots&from=middle&topic2=x');
    expect(state).toMatchObject({ limit: 500, from: 'earliest' });
    expect(problems).toEqual([
      'The link\'s from "middle" must be one of earliest, latest, timestamp, offsets; it was ignored.',
      'The link\'s limit "lots" must be a number; it was ignored.',
    ]);
  });

  it('rejects a topic name Kafka would not allow and falls back to the list', () => {
    const { state, problems } = parse('topic=bad%20name');
    expect(state.step).toBe('topic');
    expect(problems[0]).toContain('may only contain letters, digits');
  });

  it('has no request until a time is chosen for from=timestamp', () => {
    const { state, problems } = parse('topic=ads&from=timestamp');
    expect(toSampleRequest(state)).toBeUndefined();
    expect(problems).toEqual(['Sampling from a time needs a time: choose one below.']);
  });
});
