import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareConnection } from './duck';
import { listSegments } from './segments';
import { CLICKSTREAM, sampleMessages, startTestEngine, type ClickMessage, type TestEngine } from './testing/engine-fixture';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
  await prepareConnection(engine.deps.connection);
});
afterAll(() => engine.close());

const clicks = sampleMessages<ClickMessage>('seed000-clickstream');
const segmentsOf = (segmentGranularity: string) => listSegments(engine.deps.connection, { ...CLICKSTREAM, segmentGranularity });

describe('segments', () => {
  it('chunks rows by the datasource segmentGranularity, named or as an ISO period', async () => {
    const hourly = await segmentsOf('HOUR');
    expect(hourly.map((s) => new Date(s.interval.startMs).toISOString().slice(11, 13))).toEqual(['09', '16', '17', '18', '19']);
    expect(hourly.reduce((n, s) => n + s.numRows, 0)).toBe(clicks.length);
    const sixHours = await segmentsOf('PT6H');
    expect(sixHours.map((s) => [new Date(s.interval.startMs).toISOString(), new Date(s.interval.endMs).toISOString()])).toEqual([
      ['2020-03-19T06:00:00.000Z', '2020-03-19T12:00:00.000Z'],
      ['2020-03-19T12:00:00.000Z', '2020-03-19T18:00:00.000Z'],
      ['2020-03-19T18:00:00.000Z', '2020-03-20T00:00:00.000Z'],
    ]);
  });

  it('ends month chunks at the next calendar month', async () => {
    const [month] = await segmentsOf('month');
    expect(month.id).toBe('mytopic-kafka_2020-03-01T00:00:00.000Z_2020-04-01T00:00:00.000Z_2020-03-01T00:00:00.000Z');
  });

  it('keeps granularity "all" as one chunk spanning the data', async () => {
    const all = await segmentsOf('all');
    expect(all).toHaveLength(1);
    expect(all[0].numRows).toBe(clicks.length);
  });
});
