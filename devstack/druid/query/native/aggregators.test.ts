import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMessages, startTestEngine, type ClickMessage, type TestEngine } from '../testing/engine-fixture';

let engine: TestEngine;
beforeAll(async () => { engine = await startTestEngine(); });
afterAll(() => engine.close());

const clicks = sampleMessages<ClickMessage>('seed000-clickstream');

async function aggregate(aggregations: unknown[]): Promise<Record<string, unknown>> {
  const r = await engine.call('POST', '/druid/v2', {
    queryType: 'timeseries', dataSource: 'mytopic-kafka', granularity: 'all', intervals: ['2020-03-19/2020-03-20'], aggregations,
  });
  expect(r.status, r.text).toBe(200);
  return (r.json() as Array<{ result: Record<string, unknown> }>)[0].result;
}

describe('native aggregators', () => {
  it('sums, and takes minimum and maximum, as long, double and float', async () => {
    const latencies = clicks.map((m) => m.latencyMs);
    expect(await aggregate([
      { type: 'longSum', name: 'ls', fieldName: 'latencyMs' }, { type: 'doubleSum', name: 'ds', fieldName: 'latencyMs' }, { type: 'floatSum', name: 'fs', fieldName: 'latencyMs' },
      { type: 'longMin', name: 'lmin', fieldName: 'latencyMs' }, { type: 'doubleMax', name: 'dmax', fieldName: 'latencyMs' }, { type: 'floatMin', name: 'fmin', fieldName: 'latencyMs' },
    ])).toEqual({
      ls: latencies.reduce((a, b) => a + b, 0), ds: latencies.reduce((a, b) => a + b, 0), fs: latencies.reduce((a, b) => a + b, 0),
      lmin: Math.min(...latencies), dmax: Math.max(...latencies), fmin: Math.min(...latencies),
    });
  });

  it('takes the first and last values by time', async () => {
    const first = clicks[0];
    const last = clicks[clicks.length - 1];
    expect(await aggregate([
      { type: 'stringFirst', name: 'firstUser', fieldName: 'user' }, { type: 'stringLast', name: 'lastUser', fieldName: 'user', maxStringBytes: 1024 },
      { type: 'longFirst', name: 'firstLatency', fieldName: 'latencyMs' }, { type: 'doubleLast', name: 'lastLatency', fieldName: 'latencyMs' },
    ])).toEqual({ firstUser: first.user, lastUser: last.user, firstLatency: first.latencyMs, lastLatency: last.latencyMs });
  });

  it('counts distinct values for cardinality and the sketch aggregators', async () => {
    const users = new Set(clicks.map((m) => m.user)).size;
    const pairs = new Set(clicks.map((m) => `${m.user}|${m.url}`)).size;
    const either = new Set(clicks.flatMap((m) => [m.user, m.url])).size;
    expect(await aggregate([
      { type: 'cardinality', name: 'c', fields: ['user'] },
      { type: 'cardinality', name: 'byRow', fields: ['user', 'url'], byRow: true },
      { type: 'cardinality', name: 'union', fields: ['user', { type: 'default', dimension: 'url' }] },
      { type: 'hyperUnique', name: 'hu', fieldName: 'user' },
      { type: 'thetaSketch', name: 'theta', fieldName: 'user', size: 16384 },
      { type: 'HLLSketchBuild', name: 'hll', fieldName: 'user', lgK: 12 },
    ])).toEqual({ c: users, byRow: pairs, union: either, hu: users, theta: users, hll: users });
  });

  it('filters an aggregator, nesting filters', async () => {
    expect(await aggregate([
      { type: 'filtered', filter: { type: 'selector', dimension: 'user', value: 'roni' }, aggregator: { type: 'count', name: 'roni' } },
      { type: 'filtered', name: 'roniSlow', filter: { type: 'bound', dimension: 'latencyMs', lower: '500', ordering: 'numeric' },
        aggregator: { type: 'filtered', filter: { type: 'selector', dimension: 'user', value: 'roni' }, aggregator: { type: 'longSum', name: 'x', fieldName: 'latencyMs' } } },
    ])).toEqual({
      roni: clicks.filter((m) => m.user === 'roni').length,
      roniSlow: clicks.filter((m) => m.user === 'roni' && m.latencyMs >= 500).reduce((n, m) => n + m.latencyMs, 0),
    });
  });
});
