import { describe, expect, it } from 'vitest';
import { SupervisorStatusSchema } from '../schemas/supervisor';
import { fixtureJson } from '../testing/fixtures';
import { parseDruidJson } from '../json';
import { summarizeSupervisorStatus, sumLag } from './supervisor-summary';

describe('summarizeSupervisorStatus', () => {
  it('summarizes the documented status report', () => {
    const status = SupervisorStatusSchema.parse(fixtureJson('overlord.supervisor.status.response.json'));
    expect(summarizeSupervisorStatus(status)).toEqual({
      id: 'social_media',
      dataSource: 'social_media',
      stream: 'social_media',
      state: 'RUNNING',
      detailedState: 'RUNNING',
      healthy: true,
      suspended: false,
      aggregateLag: '3',
      partitions: 1,
      activeTasks: 1,
      publishingTasks: 0,
      offsetsLastUpdated: '2023-07-05T23:24:30.212Z',
      recentErrors: [],
    });
  });

  it('keeps a lag beyond 2^53 exact and lists the newest error first', () => {
    const text = `{"id":"clicks","payload":{"dataSource":"clicks","state":"UNHEALTHY_SUPERVISOR","detailedState":"LOST_CONTACT_WITH_STREAM",
      "healthy":false,"suspended":false,"aggregateLag":18014398509481985,"latestOffsets":{"0":18014398509481990,"1":5},
      "recentErrors":[{"timestamp":"2024-01-01T00:00:00Z","message":"old"},{"timestamp":"2024-01-02T00:00:00Z","message":"new","exceptionClass":"org.apache.kafka.common.errors.TimeoutException","streamException":true}]}}`;
    const summary = summarizeSupervisorStatus(SupervisorStatusSchema.parse(parseDruidJson(text, { bigIntegers: 'string' })));
    expect(summary.aggregateLag).toBe('18014398509481985');
    expect(summary.partitions).toBe(2);
    expect(summary.recentErrors.map((e) => e.message)).toEqual(['new', 'old']);
    expect(summary.healthy).toBe(false);
  });

  it('sums partition lags when Druid reports no aggregate', () => {
    const status = SupervisorStatusSchema.parse({
      id: 's',
      payload: { dataSource: 's', state: 'RUNNING', detailedState: 'RUNNING', healthy: true, suspended: false, minimumLag: { '0': '9007199254740993', '1': 2, '2': -5 } },
    });
    expect(summarizeSupervisorStatus(status).aggregateLag).toBe('9007199254740995');
  });

  it('leaves the lag unknown while Druid has not measured it', () => {
    expect(sumLag(undefined)).toBeUndefined();
    expect(sumLag({})).toBeUndefined();
  });
});
