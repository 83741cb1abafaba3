import { describe, expect, it } from 'vitest';
import { SupervisorStatsSchema } from '../schemas/supervisor';
import { fixtureJson } from '../testing/fixtures';
import { totalSupervisorStats } from './supervisor-stats';

const counters = (processed: number, unparseable = 0) => ({ processed, processedBytes: processed * 100, processedWithError: 0, thrownAway: 1, unparseable });
const task = (rate: number, total: number) => ({
  movingAverages: { buildSegments: { '1m': counters(rate), '5m': counters(rate / 2), '15m': counters(rate / 4, 1) } },
  totals: { buildSegments: counters(total) },
});

describe('totalSupervisorStats', () => {
  it('totals the documented stats of one task', () => {
    const totals = totalSupervisorStats(SupervisorStatsSchema.parse(fixtureJson('overlord.supervisor.stats.response.json')));
    expect(totals.movingAverages['1m']).toEqual({
      processed: 37.134921285556636,
      processedBytes: 3634.2766230628677,
      processedWithError: 0,
      unparseable: 0,
      thrownAway: 0,
    });
    expect(totals.totals.processed).toBe(665);
    expect(totals.totals.processedBytes).toBe(65079);
  });

  it('sums task groups and counts the replicas of one group once', () => {
    const stats = SupervisorStatsSchema.parse({
      '0': { 'task-0a': task(10, 1000), 'task-0b': task(8, 990) },
      '1': { 'task-1a': task(5, 500) },
    });
    const totals = totalSupervisorStats(stats);
    expect(totals.movingAverages['1m']).toMatchObject({ processed: 15, processedBytes: 1500, thrownAway: 2 });
    expect(totals.movingAverages['5m'].processed).toBe(7.5);
    expect(totals.movingAverages['15m']).toMatchObject({ processed: 3.75, unparseable: 2 });
    expect(totals.totals.processed).toBe(1500);
  });

  it('counts only the active tasks when told which they are', () => {
    const stats = SupervisorStatsSchema.parse({ '0': { old: task(100, 9000), current: task(4, 40) } });
    expect(totalSupervisorStats(stats, ['current']).movingAverages['1m'].processed).toBe(4);
  });

  it('is all zeros for a supervisor without tasks', () => {
    expect(totalSupervisorStats({}).movingAverages['5m']).toEqual({ processed: 0, processedBytes: 0, processedWithError: 0, unparseable: 0, thrownAway: 0 });
  });
});
