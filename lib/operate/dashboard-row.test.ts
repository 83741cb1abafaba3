import { describe, expect, it } from 'vitest';
import { fixtureJson } from '../druid/testing/fixtures';
import { SupervisorStatsSchema, SupervisorStatusSchema, type SupervisorStateEntry } from '../druid/schemas/supervisor';
import { dashboardRow, readsAStream } from './dashboard-row';

const status = SupervisorStatusSchema.parse(fixtureJson('overlord.supervisor.status.response.json'));
const stats = SupervisorStatsSchema.parse(fixtureJson('overlord.supervisor.stats.response.json'));
const entry: SupervisorStateEntry = { id: 'social_media', state: 'RUNNING', detailedState: 'RUNNING', healthy: true, suspended: false };

describe('dashboardRow', () => {
  it('shows state, lag, partitions, tasks and the topic from the status report', () => {
    const row = dashboardRow({ entry, status, lagHistory: [] });
    expect(row).toMatchObject({
      id: 'social_media',
      datasource: 'social_media',
      topic: 'social_media',
      state: 'RUNNING',
      healthy: true,
      aggregateLag: '3',
      partitions: 1,
      activeTasks: 1,
      publishingTasks: 0,
      recentErrorCount: 0,
      lastError: null,
      problem: null,
    });
  });

  it('takes processed/s and errors/s from the 1-minute moving averages', () => {
    const withErrors = structuredClone(stats);
    const task = Object.values(withErrors['0'])[0];
    Object.assign(task.movingAverages!.buildSegments!['1m'], { processedWithError: 1.5, unparseable: 2, thrownAway: 0.5 });
    // Only the supervisor's own active tasks count.
    const active = { ...status, payload: { ...status.payload, activeTasks: [{ id: 'index_kafka_custom_data_881d621078f6b7c_ccplchbi' }] } };
    const row = dashboardRow({ entry, status: active, stats: withErrors, lagHistory: [] });
    expect(row.processedPerSecond).toBeCloseTo(37.13, 2);
    expect(row.errorsPerSecond).toBe(4);
  });

  it('names the newest recent error', () => {
    const failing = {
      ...status,
      payload: {
        ...status.payload,
        recentErrors: [
          { timestamp: '2024-01-01T00:00:00Z', exceptionClass: 'OldError', message: 'old' },
          { timestamp: '2024-01-02T00:00:00Z', exceptionClass: 'org.apache.kafka.common.errors.TimeoutException', message: 'Timeout expired' },
        ],
      },
    };
    const row = dashboardRow({ entry, status: failing, lagHistory: [] });
    expect(row.recentErrorCount).toBe(2);
    expect(row.lastError).toEqual({ timestamp: '2024-01-02T00:00:00Z', exceptionClass: 'org.apache.kafka.common.errors.TimeoutException', message: 'Timeout expired' });
  });

  it('still gives a supervisor whose status failed a row that says why', () => {
    const row = dashboardRow({ entry: { ...entry, state: 'UNHEALTHY_SUPERVISOR', healthy: false }, statusError: 'timed out after 4 s', lagHistory: [] });
    expect(row).toMatchObject({ id: 'social_media', state: 'UNHEALTHY_SUPERVISOR', healthy: false, aggregateLag: null, problem: 'Its status could not be read: timed out after 4 s' });
  });

  it('carries the lag trend and the last hour of the lag history', () => {
    const now = 2 * 3_600_000;
    const lagHistory = [{ t: 0, lag: '5' }, { t: now - 60_000, lag: '10' }, { t: now, lag: '500' }];
    const row = dashboardRow({ entry, status, lagHistory });
    expect(row.lagTrend).toBe('rising');
    expect(row.lagHistory.map((p) => p.lag)).toEqual(['10', '500']);
  });
});

describe('readsAStream', () => {
  it('keeps streaming supervisors and leaves out compaction ones', () => {
    expect(readsAStream({ type: 'kafka' })).toBe(true);
    expect(readsAStream({})).toBe(true);
    expect(readsAStream({ type: 'autocompact' })).toBe(false);
  });
});
