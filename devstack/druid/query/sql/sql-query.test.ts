import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMessages, startTestEngine, type AdClickMessage, type ClickMessage, type TestEngine } from '../testing/engine-fixture';

let engine: TestEngine;
beforeAll(async () => { engine = await startTestEngine(); });
afterAll(() => engine.close());

const sql = (query: string, extra: Record<string, unknown> = {}) => engine.call('POST', '/druid/v2/sql', { query, ...extra });
const rows = async (query: string, extra: Record<string, unknown> = {}) => {
  const r = await sql(query, extra);
  expect(r.status, r.text).toBe(200);
  return r.json() as Array<Record<string, unknown>>;
};
const clicks = sampleMessages<ClickMessage>('seed000-clickstream');
const adClicks = sampleMessages<AdClickMessage>('seed001-adclicks');

describe('Druid SQL over the stored datasources', () => {
  it('answers __time as ISO strings with milliseconds, like Druid', async () => {
    expect(await rows('SELECT __time, "user" FROM "mytopic-kafka" ORDER BY __time LIMIT 1')).toEqual([
      { __time: '2020-03-19T09:57:58.000Z', user: 'brozo' },
    ]);
  });

  it('sums a rolled-up count metric back to the number of messages, per Shanghai day', async () => {
    const result = await rows(`SELECT TIME_FLOOR(__time, 'P1D', NULL, 'Asia/Shanghai') AS "day", SUM("count") AS pv, SUM(click) AS clicks FROM kafkatest GROUP BY 1`);
    const clickTotal = adClicks.reduce((n, m) => n + Number(m.click), 0);
    expect(result).toEqual([{ day: '2019-06-04T16:00:00.000Z', pv: adClicks.length, clicks: clickTotal }]);
  });

  it('groups by ordinal with COUNT, COUNT(DISTINCT), SUM, MIN, MAX and AVG, ordered and limited', async () => {
    const result = await rows(`SELECT "user", COUNT(*) AS n, COUNT(DISTINCT url) AS urls, SUM(latencyMs) AS total, MIN(latencyMs) AS lo, MAX(latencyMs) AS hi, AVG(latencyMs) AS mean
      FROM "mytopic-kafka" GROUP BY 1 ORDER BY n DESC, 1 LIMIT 2 OFFSET 1`);
    const byUser = new Map<string, ClickMessage[]>();
    for (const m of clicks) byUser.set(m.user, [...(byUser.get(m.user) ?? []), m]);
    const expected = [...byUser.entries()]
      .map(([user, ms]) => ({ user, n: ms.length, urls: new Set(ms.map((m) => m.url)).size, total: ms.reduce((s, m) => s + m.latencyMs, 0),
        lo: Math.min(...ms.map((m) => m.latencyMs)), hi: Math.max(...ms.map((m) => m.latencyMs)), mean: ms.reduce((s, m) => s + m.latencyMs, 0) / ms.length }))
      .sort((a, b) => b.n - a.n || a.user.localeCompare(b.user))
      .slice(1, 3);
    expect(result).toEqual(expected);
  });

  it('filters on __time ranges with TIMESTAMP literals, INTERVAL arithmetic and CURRENT_TIMESTAMP', async () => {
    const after18 = clicks.filter((m) => Date.parse(m.time) >= Date.UTC(2020, 2, 19, 18)).length;
    const [r] = await rows(`SELECT COUNT(*) AS n FROM "mytopic-kafka" WHERE __time >= TIMESTAMP '2020-03-19 18:00:00' AND __time < CURRENT_TIMESTAMP - INTERVAL '1' HOUR`);
    expect(r.n).toBe(after18);
    const [shifted] = await rows(`SELECT MAX(__time) + INTERVAL '15' MINUTE AS t FROM "mytopic-kafka" WHERE __time < TIMESTAMP '2020-03-19 10:00:00'`);
    expect(shifted.t).toBe('2020-03-19T10:12:58.000Z');
  });

  it('runs Druid time functions', async () => {
    const [r] = await rows(`SELECT TIME_FLOOR(__time, 'PT1H') AS f, TIME_CEIL(__time, 'PT1H') AS c, TIME_SHIFT(__time, 'P1D', -1) AS s,
      TIME_FORMAT(__time, 'yyyy-MM-dd HH:mm', 'Asia/Kolkata') AS fmt, TIME_FORMAT(__time) AS iso, TIME_EXTRACT(__time, 'HOUR') AS h,
      TIME_PARSE('2020-01-02T03:04:05Z') AS p1, TIME_PARSE('02/01/2020', 'dd/MM/yyyy') AS p2, TIMESTAMP_TO_MILLIS(__time) AS ms,
      MILLIS_TO_TIMESTAMP(86400000) AS m2t, FLOOR(__time TO DAY) AS fd, CEIL(__time TO MONTH) AS cm
      FROM "mytopic-kafka" ORDER BY __time LIMIT 1`);
    expect(r).toEqual({
      f: '2020-03-19T09:00:00.000Z', c: '2020-03-19T10:00:00.000Z', s: '2020-03-18T09:57:58.000Z', fmt: '2020-03-19 15:27',
      iso: '2020-03-19T09:57:58.000Z', h: 9, p1: '2020-01-02T03:04:05.000Z', p2: '2020-01-02T00:00:00.000Z', ms: Date.UTC(2020, 2, 19, 9, 57, 58),
      m2t: '1970-01-02T00:00:00.000Z', fd: '2020-03-19T00:00:00.000Z', cm: '2020-04-01T00:00:00.000Z',
    });
  });

  it('runs TIMESTAMPADD, TIMESTAMPDIFF, CAST(__time AS BIGINT) and SAFE_DIVIDE', async () => {
    const [r] = await rows(`SELECT TIMESTAMPADD(HOUR, 2, __time) AS later, TIMESTAMPDIFF(MINUTE, __time, TIMESTAMP '2020-03-19 10:57:58') AS mins,
      CAST(__time AS BIGINT) AS ms, SAFE_DIVIDE(latencyMs, 0) AS nothing, DIV(7, 2) AS half FROM "mytopic-kafka" ORDER BY __time LIMIT 1`);
    expect(r).toEqual({ later: '2020-03-19T11:57:58.000Z', mins: 60, ms: Date.UTC(2020, 2, 19, 9, 57, 58), nothing: null, half: 3 });
  });

  it('floors by week to Mondays and honours sqlTimeZone for time functions and output', async () => {
    const [week] = await rows(`SELECT TIME_FLOOR(MAX(__time), 'P1W') AS w FROM "mytopic-kafka"`);
    expect(week.w).toBe('2020-03-16T00:00:00.000Z');
    const [local] = await rows(`SELECT FLOOR(MIN(__time) TO DAY) AS d FROM "mytopic-kafka"`, { context: { sqlTimeZone: 'America/Los_Angeles' } });
    expect(local.d).toBe('2020-03-19T00:00:00.000-07:00');
    const [formatted] = await rows(`SELECT TIME_FORMAT(MIN(__time), NULL, 'Asia/Shanghai') AS f, TIME_FORMAT(MIN(__time), 'HH:mm Z', 'America/New_York') AS z FROM "mytopic-kafka"`);
    expect(formatted).toEqual({ f: '2020-03-19T17:57:58.000+08:00', z: '05:57 -0400' });
    // 03:00 in Los Angeles (PDT) is 10:00 UTC: only the first message (09:57:58 UTC) is earlier.
    const [early] = await rows(`SELECT COUNT(*) AS n FROM "mytopic-kafka" WHERE __time < TIMESTAMP '2020-03-19 03:00:00'`, { context: { sqlTimeZone: 'America/Los_Angeles' } });
    expect(early.n).toBe(1);
  });

  it('runs the distinct-count and first/last aggregators', async () => {
    const [r] = await rows(`SELECT APPROX_COUNT_DISTINCT("user") AS a, APPROX_COUNT_DISTINCT_DS_HLL("user") AS h, APPROX_COUNT_DISTINCT_DS_THETA("user") AS t,
      EARLIEST("user") AS e, LATEST("user") AS l, LATEST_BY(url, __time) AS lb, EARLIEST_BY(url, __time) AS eb FROM "mytopic-kafka"`);
    const users = new Set(clicks.map((m) => m.user)).size;
    const last = clicks[clicks.length - 1];
    expect(r).toEqual({ a: users, h: users, t: users, e: 'brozo', l: last.user, lb: last.url, eb: '/foo/bar' });
  });

  it('runs the string functions people type, without touching string literals', async () => {
    const [r] = await rows(`SELECT LOWER('FLOOR(x TO DAY)') AS lo, UPPER("user") AS up, CONCAT("user", ' @ ', url) AS c, SUBSTRING(url, 1, 4) AS sub,
      CASE WHEN url LIKE '/foo%' THEN 'foo' ELSE 'other' END AS kind, 'it''s FROM nope' AS q
      FROM "mytopic-kafka" ORDER BY __time LIMIT 1`);
    expect(r).toEqual({ lo: 'floor(x to day)', up: 'BROZO', c: 'brozo @ /foo/bar', sub: '/foo', kind: 'foo', q: "it's FROM nope" });
  });

  it('resolves datasources written with or without quotes and the druid schema, and common table expressions', async () => {
    const [a] = await rows('SELECT COUNT(*) AS n FROM druid.kafkatest');
    const [b] = await rows('SELECT COUNT(*) AS n FROM "druid"."kafkatest"');
    const [c] = await rows('WITH t AS (SELECT city FROM kafkatest) SELECT COUNT(*) AS n FROM t');
    expect(a.n).toBeGreaterThan(0);
    expect(b.n).toBe(a.n);
    expect(c.n).toBe(a.n);
  });

  it('names unaliased expressions EXPR$n as Druid does', async () => {
    expect(await rows('SELECT COUNT(*), 1 + 1, "city" FROM kafkatest GROUP BY 3 ORDER BY 3 LIMIT 1')).toEqual([{ EXPR$0: expect.any(Number), EXPR$1: 2, city: 'beijing' }]);
  });

  it('binds dynamic parameters as typed literals', async () => {
    const r = await rows('SELECT COUNT(*) AS n FROM "mytopic-kafka" WHERE "user" = ? AND latencyMs > ?', {
      parameters: [{ type: 'VARCHAR', value: 'roni' }, { type: 'BIGINT', value: 100 }],
    });
    expect(r[0].n).toBe(clicks.filter((m) => m.user === 'roni' && m.latencyMs > 100).length);
  });

  it('keeps 64-bit integers exact and answers JSON and array columns as JSON', async () => {
    const r = await sql('SELECT big, SUM(big) OVER () AS total, tags, payload FROM oddities ORDER BY __time');
    expect(r.text).toContain('"big":9007199254740993');
    expect(r.text).toContain(`"total":${9007199254740993n + 2n ** 62n - 5n}`);
    const parsed = r.json() as Array<Record<string, unknown>>;
    // Arrays come as JSON text by default, as real arrays when sqlStringifyArrays is false.
    expect(parsed[0]).toMatchObject({ tags: '["a","b"]', payload: { k: { n: 1 } } });
    const arrays = await rows('SELECT tags FROM oddities ORDER BY __time LIMIT 1', { context: { sqlStringifyArrays: false } });
    expect(arrays).toEqual([{ tags: ['a', 'b'] }]);
  });

  it('divides integers as integers, as Druid SQL does, and doubles as doubles', async () => {
    const [r] = await rows('SELECT 7 / 2 AS i, 7.0 / 2 AS d, SUM(latencyMs) / 1000 AS s FROM "mytopic-kafka" WHERE __time < TIMESTAMP \'2020-03-19 10:00:00\'');
    expect(r).toEqual({ i: 3, d: 3.5, s: 0.062 });
  });

  it('honours sqlOuterLimit from the context', async () => {
    expect(await rows('SELECT "user" FROM "mytopic-kafka"', { context: { sqlOuterLimit: 3 } })).toHaveLength(3);
  });

  it('takes a bare query sent as text/plain', async () => {
    const r = await engine.call('POST', '/druid/v2/sql', 'SELECT COUNT(*) AS n FROM kafkatest', { 'content-type': 'text/plain' });
    expect(r.status).toBe(200);
  });
});
