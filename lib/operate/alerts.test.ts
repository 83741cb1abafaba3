import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, type AlertRule } from './alert-rules';
import { alertWindowMs, evaluateAlerts, formatDuration, supervisorUrl, webhookBody, type FiringAlert } from './alerts';
import type { MetricPoint } from './monitoring-schemas';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const point = (minutes: number, fields: Partial<MetricPoint> = {}): MetricPoint => ({
  time: at(minutes),
  state: 'RUNNING',
  healthy: true,
  totalLag: '0',
  maxTimeLagMs: 0,
  processedPerSec: 100,
  unparseablePerSec: 0,
  thrownAwayPerSec: 0,
  processedWithErrorPerSec: 0,
  producedPerSec: 100,
  consumedPerSec: 100,
  tasks: 1,
  failedTasks: 0,
  ...fields,
});

const rule = (id: string): AlertRule => ({ ...DEFAULT_ALERT_RULES.rules.find((r) => r.id === id)! });
/** One sample a minute from minute 0 to `minutes`. */
const series = (minutes: number, fields: (minute: number) => Partial<MetricPoint>) => Array.from({ length: minutes + 1 }, (_, m) => point(m, fields(m)));

function evaluate(rules: AlertRule[], samples: Record<string, MetricPoint[]>, firing: FiringAlert[] = []) {
  return evaluateAlerts({ rules, samples: new Map(Object.entries(samples)), firing });
}

describe('a supervisor that is not RUNNING', () => {
  const suspendedFrom = (minute: number) => (m: number) => (m >= minute ? { state: 'SUSPENDED' } : {});

  it('fires once it has held for the rule period, with since and a message a paged person understands', () => {
    expect(evaluate([rule('not-running')], { clicks: series(5, suspendedFrom(2)) }).fire).toEqual([]);
    const { fire } = evaluate([rule('not-running')], { clicks: series(8, suspendedFrom(2)) });
    expect(fire).toHaveLength(1);
    expect(fire[0]).toMatchObject({ supervisor: 'clicks', since: at(2), message: 'clicks has been SUSPENDED for 6 min' });
  });

  it('with no waiting period, fires on the first sample that shows it', () => {
    const { fire } = evaluate([{ ...rule('not-running'), forMinutes: 0 }], { clicks: [point(0), point(1, { state: 'PENDING' })] });
    expect(fire.map((a) => [a.since, a.message])).toEqual([[at(1), 'clicks has been PENDING']]);
  });

  it('does not fire again while it fires, and resolves once when it runs again', () => {
    const firing = [{ rule: 'not-running', supervisor: 'clicks', since: at(2) }];
    expect(evaluate([rule('not-running')], { clicks: series(12, suspendedFrom(2)) }, firing)).toEqual({ fire: [], resolve: [] });
    const back = series(13, (m) => (m >= 2 && m < 13 ? { state: 'SUSPENDED' } : {}));
    expect(evaluate([rule('not-running')], { clicks: back }, firing)).toEqual({ fire: [], resolve: [{ alert: firing[0], message: 'clicks is RUNNING and healthy again' }] });
  });

  it('counts an unhealthy RUNNING supervisor, but not an IDLE one', () => {
    const unhealthy = evaluate([rule('not-running')], { clicks: series(6, () => ({ healthy: false })) }).fire;
    expect(unhealthy.map((a) => a.message)).toEqual(['clicks has been unhealthy for 6 min (state RUNNING)']);
    expect(evaluate([rule('not-running')], { clicks: series(30, () => ({ state: 'IDLE' })) }).fire).toEqual([]);
  });

  it('neither fires nor resolves on samples that cannot tell (Druid unreadable)', () => {
    const firing = [{ rule: 'not-running', supervisor: 'clicks', since: at(0) }];
    const unknown = series(10, (m) => (m < 5 ? { state: 'SUSPENDED' } : { state: null, healthy: null }));
    expect(evaluate([rule('not-running')], { clicks: unknown }, firing)).toEqual({ fire: [], resolve: [] });
  });

  it('resolves the alerts of a supervisor that no longer exists, and of a rule disabled or narrowed', () => {
    const firing = [
      { rule: 'not-running', supervisor: 'gone', since: at(0) },
      { rule: 'time-lag', supervisor: 'clicks', since: at(0) },
    ];
    const result = evaluate([rule('not-running'), { ...rule('time-lag'), supervisors: ['other'] }], { clicks: series(3, () => ({ maxTimeLagMs: 3_600_000 })) }, firing);
    expect(result.resolve.map((end) => end.message)).toEqual(['gone no longer exists', 'The rule "time-lag" no longer watches clicks']);
    expect(result.fire).toEqual([]);
  });
});

describe('the other kinds', () => {
  it('time lag above T', () => {
    const { fire } = evaluate([rule('time-lag')], { clicks: series(6, () => ({ maxTimeLagMs: 12 * 60_000 })) });
    expect(fire.map((a) => a.message)).toEqual(["clicks's time lag is 12 min, above 5 min"]);
    const firing = [{ rule: 'time-lag', supervisor: 'clicks', since: at(0) }];
    expect(evaluate([rule('time-lag')], { clicks: [point(7, { maxTimeLagMs: 20_000 })] }, firing).resolve[0].message).toBe("clicks's time lag is back to 20 s, within 5 min");
  });

  it('lag rising over the period, and not when it dips back or grows by too little', () => {
    const rising = series(16, (m) => ({ totalLag: String(1000 + m * 500) }));
    expect(evaluate([rule('lag-rising')], { clicks: rising }).fire.map((a) => [a.since, a.message])).toEqual([[at(1), "clicks's lag rose from 1,500 to 9,000 messages in 15 min"]]);
    const dipped = series(16, (m) => ({ totalLag: m === 8 ? '0' : String(1000 + m * 500) }));
    expect(evaluate([rule('lag-rising')], { clicks: dipped }).fire).toEqual([]);
    const slow = series(16, (m) => ({ totalLag: String(1000 + m) }));
    expect(evaluate([rule('lag-rising')], { clicks: slow }).fire).toEqual([]);
    // Lags beyond 2^53 compare exactly.
    const huge = series(16, (m) => ({ totalLag: (2n ** 60n + BigInt(m) * 1000n).toString() }));
    expect(evaluate([rule('lag-rising')], { clicks: huge }).fire).toHaveLength(1);
  });

  it('no rows while the topic receives messages, not while it is quiet or suspended', () => {
    const stalled = series(10, () => ({ processedPerSec: 0, producedPerSec: 12.5 }));
    expect(evaluate([rule('no-rows')], { clicks: stalled }).fire.map((a) => a.message)).toEqual(['clicks has ingested no rows for 10 min while its topic receives 13 messages/s']);
    expect(evaluate([rule('no-rows')], { clicks: series(10, () => ({ processedPerSec: 0, producedPerSec: 0 })) }).fire).toEqual([]);
    expect(evaluate([rule('no-rows')], { clicks: series(10, () => ({ state: 'SUSPENDED', processedPerSec: 0, producedPerSec: 12 })) }).fire).toEqual([]);
  });

  it('parse-error rate above X percent of the messages read', () => {
    const bad = series(5, () => ({ processedPerSec: 90, unparseablePerSec: 10 }));
    expect(evaluate([rule('parse-errors')], { clicks: bad }).fire.map((a) => a.message)).toEqual(['clicks: 10% of messages read could not be parsed (10/s), above 5%']);
    expect(evaluate([rule('parse-errors')], { clicks: series(5, () => ({ processedPerSec: 99, unparseablePerSec: 1 })) }).fire).toEqual([]);
  });

  it('a task failing repeatedly fires at once', () => {
    const { fire } = evaluate([rule('failing-tasks')], { clicks: [point(0, { failedTasks: 1 }), point(1, { failedTasks: 3 })] });
    expect(fire.map((a) => [a.since, a.message])).toEqual([[at(1), 'clicks: 3 of its recent tasks failed (alert at 3)']]);
  });

  it('a disabled rule or a supervisor outside its list never fires', () => {
    const suspended = series(10, () => ({ state: 'SUSPENDED' }));
    expect(evaluate([{ ...rule('not-running'), enabled: false }], { clicks: suspended }).fire).toEqual([]);
    expect(evaluate([{ ...rule('not-running'), supervisors: ['other'] }], { clicks: suspended, other: suspended }).fire.map((a) => a.supervisor)).toEqual(['other']);
  });
});

describe('helpers', () => {
  it('says durations in words', () => {
    expect([formatDuration(20_000), formatDuration(6 * 60_000), formatDuration(80 * 60_000), formatDuration(50 * 3_600_000)]).toEqual(['20 s', '6 min', '1 h 20 min', '2 d 2 h']);
  });

  it('looks back over the longest period of an enabled rule, with a margin', () => {
    expect(alertWindowMs(DEFAULT_ALERT_RULES.rules, 15_000)).toBe(15 * 60_000 + 45_000);
  });
});

describe('webhook bodies', () => {
  const notice = { status: 'firing' as const, rule: 'not-running', kind: 'not-running' as const, supervisor: 'a<b>', since: at(0), message: 'a<b> has been SUSPENDED for 6 min', url: supervisorUrl('http://tributary:3000/', 'a<b>') };

  it('plain JSON carries the notice as it is', () => {
    expect(webhookBody('json', notice)).toEqual({ ...notice, url: 'http://tributary:3000/supervisors/a%3Cb%3E' });
  });

  it('Slack gets text with the link, markup characters escaped', () => {
    expect(webhookBody('slack', notice)).toEqual({
      text: ':rotating_light: *Firing* — a&lt;b&gt; has been SUSPENDED for 6 min (Supervisor unhealthy or not RUNNING). <http://tributary:3000/supervisors/a%3Cb%3E|Open a&lt;b&gt; in Tributary>',
    });
    expect(webhookBody('slack', { ...notice, status: 'resolved', resolvedAt: at(12), message: 'a<b> is RUNNING and healthy again' })).toEqual({
      text: ':white_check_mark: *Resolved* after 12 min — a&lt;b&gt; is RUNNING and healthy again. <http://tributary:3000/supervisors/a%3Cb%3E|Open a&lt;b&gt; in Tributary>',
    });
  });
});
