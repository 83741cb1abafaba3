// The /api/supervisors routes in-process against a small fake Overlord: rows, sharing, failures,
// the status page's answer, submits and actions with their audit lines.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseDruidJson } from '@/lib/druid';
import { json, startFakeDruid, type FakeDruid, type RecordedRequest, type Reply } from '@/lib/druid/testing/fake-druid';
import { REDACTED, SubmitResultSchema, SupervisorDetailSchema, SupervisorListSchema } from '@/lib/operate';

interface FakeSupervisor {
  spec: Record<string, unknown>;
  suspended: boolean;
  history: { version: string; spec: unknown }[];
  statusFails?: boolean;
  /** What GET /supervisor/{id} answers instead of the spec as submitted (a Druid 33 echo). */
  echo?: unknown;
}

const spec = (dataSource: string, extra: Record<string, unknown> = {}) => ({
  type: 'kafka',
  spec: {
    dataSchema: { dataSource, timestampSpec: { column: 'time', format: 'iso' }, dimensionsSpec: { dimensions: ['url'] }, granularitySpec: { segmentGranularity: 'hour' } },
    ioConfig: {
      type: 'kafka',
      topic: `${dataSource}-topic`,
      inputFormat: { type: 'json' },
      consumerProperties: { 'bootstrap.servers': 'kafka:9092', 'sasl.jaas.config': 'PlainLoginModule required username="u" password="kafka-secret";' },
      taskCount: 1,
      ...extra,
    },
    tuningConfig: { type: 'kafka' },
  },
});

const DRUID_TIMEOUT_MS = 1_000;

let fake: FakeDruid;
let supervisors: Map<string, FakeSupervisor>;
let auditDir: string;
let routes: { list: typeof import('./route'); detail: typeof import('./[id]/route'); action: typeof import('./[id]/[action]/route') };
let operate: typeof import('@/lib/server/operate');

function statusOf(id: string, s: FakeSupervisor) {
  return {
    id,
    generationTime: new Date().toISOString(),
    payload: {
      dataSource: id,
      stream: `${id}-topic`,
      partitions: 2,
      activeTasks: s.suspended ? [] : [{ id: `index_kafka_${id}_1`, startTime: new Date(Date.now() - 60_000).toISOString(), remainingSeconds: 3540, currentOffsets: { '0': 90, '1': 9007199254740990n } }],
      publishingTasks: [],
      latestOffsets: { '0': 100, '1': 9007199254740993n },
      minimumLag: { '0': 10, '1': 3 },
      aggregateLag: 13,
      suspended: s.suspended,
      healthy: true,
      state: s.suspended ? 'SUSPENDED' : 'RUNNING',
      detailedState: s.suspended ? 'SUSPENDED' : 'RUNNING',
      recentErrors: [{ timestamp: '2026-01-01T00:00:00Z', exceptionClass: 'org.apache.druid.java.util.common.ISE', message: 'Task group failed' }],
    },
  };
}

const stats = (id: string) => ({
  '0': { [`index_kafka_${id}_1`]: { movingAverages: { buildSegments: { '1m': { processed: 120, processedWithError: 1, unparseable: 2, thrownAway: 0 } } }, totals: { buildSegments: { processed: 5000, processedWithError: 3, unparseable: 4, thrownAway: 0 } } } },
});

// Big offsets go out as bare JSON numbers, as Druid writes them.
const body = (value: unknown, status = 200): Reply => json(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `@@${v}@@` : v)).replace(/"@@(\d+)@@"/g, '$1'), status);

function overlord(request: RecordedRequest): Reply {
  const url = new URL(request.url, 'http://fake');
  const base = '/druid/indexer/v1/supervisor';
  const notFound = (id: string) => json(JSON.stringify({ error: `[${id}] does not exist` }), 404);
  if (url.pathname === base && request.method === 'GET') {
    return body([...supervisors].map(([id, s]) => ({ id, state: s.suspended ? 'SUSPENDED' : 'RUNNING', detailedState: s.suspended ? 'SUSPENDED' : 'RUNNING', healthy: true, suspended: s.suspended })));
  }
  if (url.pathname === base && request.method === 'POST') {
    const submitted = JSON.parse(request.body);
    const id = submitted.spec.dataSchema.dataSource;
    const existing = supervisors.get(id);
    const history = [{ version: new Date(Date.now() + (existing?.history.length ?? 0)).toISOString(), spec: submitted }, ...(existing?.history ?? [])];
    supervisors.set(id, { spec: submitted, suspended: submitted.suspended === true, history });
    return body({ id });
  }
  if (url.pathname === '/druid/indexer/v1/tasks') return body([{ id: 'index_kafka_old', type: 'index_kafka', statusCode: 'FAILED', createdTime: '2026-01-01T00:00:00Z', duration: 5000, errorMsg: 'out of memory' }]);
  const match = /^\/druid\/indexer\/v1\/supervisor\/([^/]+)(?:\/(.+))?$/.exec(url.pathname);
  if (!match) return json('{"error":"no such endpoint"}', 404);
  const id = decodeURIComponent(match[1]);
  const s = supervisors.get(id);
  if (!s) return notFound(id);
  const view = match[2] ?? '';
  if (request.method === 'GET') {
    if (view === 'status') return s.statusFails ? json('{"error":"java.lang.NullPointerException"}', 500) : body(statusOf(id, s));
    if (view === 'stats') return body(stats(id));
    if (view === 'history') return body(s.history);
    if (view === '') return s.echo ? body(s.echo) : body({ ...s.spec, suspended: s.suspended });
  }
  if (view === 'suspend' || view === 'resume') {
    s.suspended = view === 'suspend';
    return body({ ...s.spec, suspended: s.suspended });
  }
  if (view === 'terminate') {
    supervisors.delete(id);
    return body({ id });
  }
  if (view === 'resetOffsets' || view === 'reset') return body({ id });
  return json('{"error":"unknown"}', 404);
}

beforeAll(async () => {
  fake = await startFakeDruid(overlord);
  auditDir = mkdtempSync(path.join(tmpdir(), 'tributary-audit-'));
  Object.assign(process.env, {
    KAFKA_BROKERS: 'localhost:9092',
    DRUID_URL: fake.url,
    DRUID_USER: 'admin',
    DRUID_PASSWORD: 'druid-password',
    TRIBUTARY_AUDIT_LOG: path.join(auditDir, 'audit.log'),
    // Short, so the tests of a late Druid run quickly; the fake answers everything else at once.
    DRUID_TIMEOUT_MS: String(DRUID_TIMEOUT_MS),
  });
  routes = { list: await import('./route'), detail: await import('./[id]/route'), action: await import('./[id]/[action]/route') };
  operate = await import('@/lib/server/operate');
});

afterAll(async () => {
  await fake.close();
  rmSync(auditDir, { recursive: true, force: true });
});

beforeEach(() => {
  operate.invalidateSupervisorList();
  fake.handle(overlord);
  fake.requests.length = 0;
  supervisors = new Map([
    ['clicks', { spec: spec('clicks'), suspended: false, history: [{ version: '2026-01-02T00:00:00Z', spec: spec('clicks', { taskCount: 2 }) }, { version: '2026-01-01T00:00:00Z', spec: spec('clicks') }] }],
    ['payments', { spec: spec('payments'), suspended: false, history: [], statusFails: true }],
  ]);
});

const auditLines = () => readFileSync(process.env.TRIBUTARY_AUDIT_LOG!, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const list = () => routes.list.GET(new Request('http://app/api/supervisors'));
const detail = (id: string) => routes.detail.GET(new Request(`http://app/api/supervisors/${id}`), { params: Promise.resolve({ id }) });
const act = (id: string, action: string, payload?: unknown) =>
  routes.action.POST(new Request(`http://app/api/supervisors/${id}/${action}`, { method: 'POST', body: payload === undefined ? undefined : JSON.stringify(payload) }), {
    params: Promise.resolve({ id, action }),
  });
const submit = (payload: unknown, query = '') => routes.list.POST(new Request(`http://app/api/supervisors${query}`, { method: 'POST', body: JSON.stringify(payload) }));

describe('GET /api/supervisors', () => {
  it('answers one row per supervisor, and a row saying why for one whose status failed', async () => {
    const response = await list();
    expect(response.status).toBe(200);
    const { supervisors: rows } = SupervisorListSchema.parse(await response.json());
    expect(rows.find((r) => r.id === 'clicks')).toMatchObject({
      state: 'RUNNING',
      topic: 'clicks-topic',
      aggregateLag: '13',
      partitions: 2,
      processedPerSecond: 120,
      errorsPerSecond: 3,
      recentErrorCount: 1,
      lastError: { message: 'Task group failed' },
      activeTasks: 1,
      lagHistory: [{ lag: '13' }],
    });
    expect(rows.find((r) => r.id === 'payments')).toMatchObject({ state: 'RUNNING', aggregateLag: null, problem: expect.stringContaining('Its status could not be read') });
  });

  it('shares one Overlord read among concurrent viewers', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => list()));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(fake.requests.filter((r) => r.url === '/druid/indexer/v1/supervisor?state=true')).toHaveLength(1);
    expect(fake.requests.filter((r) => r.url.endsWith('/clicks/status'))).toHaveLength(1);
  });

  it('says Druid is unreachable instead of answering an empty list', async () => {
    fake.handle(() => ({ destroy: true }));
    const response = await list();
    expect(response.status).toBe(502);
    expect((await response.json()).error).toMatchObject({ code: 'druid_unreachable', message: expect.stringMatching(/Overlord|Router|Druid/) });
  });
});

describe('GET /api/supervisors/{id}', () => {
  it('answers status, partitions, tasks, throughput, history with diffs and a curl without secrets', async () => {
    const response = await detail('clicks');
    expect(response.status).toBe(200);
    const answer = SupervisorDetailSchema.parse(await response.json());
    expect(answer.status.state).toBe('RUNNING');
    expect(answer.partitions).toEqual([
      { partition: '0', currentOffset: '90', latestOffset: '100', lag: '10', taskId: 'index_kafka_clicks_1' },
      { partition: '1', currentOffset: '9007199254740990', latestOffset: '9007199254740993', lag: '3', taskId: 'index_kafka_clicks_1' },
    ]);
    expect(answer.throughput).toEqual({ processedPerSecond: 120, errorsPerSecond: 3 });
    expect(answer.tasks.map((t) => [t.id, t.role, t.status])).toEqual([
      ['index_kafka_clicks_1', 'active', 'RUNNING'],
      ['index_kafka_old', 'other', 'FAILED'],
    ]);
    expect(answer.history[0].diff?.groups.ioConfig.map((c) => c.pathText)).toEqual(['spec.ioConfig.taskCount']);
    expect(answer.curl).toContain(`${fake.url}/druid/indexer/v1/supervisor`);
    const everything = JSON.stringify(answer);
    expect(everything).not.toContain('druid-password');
    expect(everything).not.toContain('kafka-secret');
    expect(everything).toContain(REDACTED);
    expect(answer.lagHistory.at(-1)?.lag).toBe('13');
    expect(answer.problems).toEqual([]);
  });

  it('answers 404 with a clear message for an unknown supervisor', async () => {
    const response = await detail('nope');
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe('Druid has no supervisor named "nope"');
  });
});

describe('POST /api/supervisors', () => {
  it('refuses a broken spec with the JSON paths of its problems', async () => {
    const broken = spec('orders');
    delete (broken.spec.ioConfig as Record<string, unknown>).topic;
    const response = await submit(broken);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_spec');
    expect(error.details.issues.map((i: { path: string }) => i.path)).toContain('spec.ioConfig.topic');
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);
    expect(auditLines().at(-1)).toMatchObject({ action: 'submit', supervisorId: 'orders', outcome: 'refused' });
  });

  it('creates, then answers "unchanged" for the same spec without restarting tasks', async () => {
    const first = SubmitResultSchema.parse(await (await submit(spec('orders'))).json());
    expect(first).toMatchObject({ id: 'orders', outcome: 'created' });
    const again = await submit(spec('orders'));
    expect(SubmitResultSchema.parse(await again.json())).toMatchObject({ id: 'orders', outcome: 'unchanged', message: expect.stringContaining('unchanged') });
    const posts = fake.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.url)).toEqual(['/druid/indexer/v1/supervisor', '/druid/indexer/v1/supervisor?skipRestartIfUnmodified=true']);
    expect(auditLines().slice(-2).map((l) => [l.action, l.supervisorId, l.outcome])).toEqual([
      ['submit', 'orders', 'ok'],
      ['submit', 'orders', 'unchanged'],
    ]);
  });

  it("reads Druid 33's echo of a spec back as the spec submitted: a resubmit is unchanged, the status page shows no nulls", async () => {
    const real = (name: string) => parseDruidJson(readFileSync(path.resolve(__dirname, '../../../testdata/druid-contract/real', name), 'utf8'));
    const submitted = real('overlord.supervisor.post.request.druid33.json');
    expect(SubmitResultSchema.parse(await (await submit(submitted)).json())).toMatchObject({ id: 'hlp-clicks', outcome: 'created' });
    supervisors.get('hlp-clicks')!.echo = real('overlord.supervisor.spec.druid33.response.json');
    expect(SubmitResultSchema.parse(await (await submit(submitted)).json())).toMatchObject({ id: 'hlp-clicks', outcome: 'unchanged' });
    expect(fake.requests.filter((r) => r.method === 'POST').at(-1)?.url).toBe('/druid/indexer/v1/supervisor?skipRestartIfUnmodified=true');
    const answer = SupervisorDetailSchema.parse(await (await detail('hlp-clicks')).json());
    expect(answer.problems).toEqual([]);
    expect(JSON.stringify(answer.spec)).not.toContain('null');
    expect(answer.spec).not.toHaveProperty('dataSchema');
    expect(answer.curl).not.toContain('null');
    expect(answer.curl).toContain('"taskDuration": "PT1H"');
  });

  it('starts a supervisor suspended on ?suspended=true', async () => {
    const result = SubmitResultSchema.parse(await (await submit(spec('orders'), '?suspended=true')).json());
    expect(result.suspended).toBe(true);
    expect(JSON.parse(fake.requests.find((r) => r.method === 'POST')!.body).suspended).toBe(true);
  });

  it("returns Druid's refusal in words", async () => {
    fake.handle((request) => (request.method === 'POST' ? json('{"error":"Cannot change datasource of a running supervisor"}', 400) : overlord(request)));
    const response = await submit(spec('orders'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('Cannot change datasource');
  });
});

describe('POST /api/supervisors/{id}/{action}', () => {
  it('suspends and resumes, writes the audit log, and the dashboard shows it at once', async () => {
    await list();
    const response = await act('clicks', 'suspend');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'clicks', action: 'suspend', message: expect.stringContaining('suspended') });
    const rows = SupervisorListSchema.parse(await (await list()).json()).supervisors;
    expect(rows.find((r) => r.id === 'clicks')?.state).toBe('SUSPENDED');
    expect((await act('clicks', 'resume')).status).toBe(200);
    expect(auditLines().slice(-2).map((l) => [l.action, l.supervisorId, l.outcome])).toEqual([
      ['suspend', 'clicks', 'ok'],
      ['resume', 'clicks', 'ok'],
    ]);
  });

  it('moves offsets exactly, on the topic the supervisor reads', async () => {
    const response = await act('clicks', 'resetOffsets', { partitions: { '1': '9007199254740993' } });
    expect(response.status).toBe(200);
    const sent = fake.requests.find((r) => r.url.endsWith('/resetOffsets'))!;
    expect(sent.body).toBe('{"type":"kafka","partitions":{"type":"end","stream":"clicks-topic","partitionOffsetMap":{"1":9007199254740993}}}');
  });

  it('says what is wrong with a bad resetOffsets body', async () => {
    const response = await act('clicks', 'resetOffsets', { partitions: { '0': 12 } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe('Invalid request body.partitions.0: offset must be a whole number written as a string, such as "1200"');
  });

  it('answers 404 for an unknown supervisor and audits the failure', async () => {
    const response = await act('ghost', 'terminate');
    expect(response.status).toBe(404);
    expect(auditLines().at(-1)).toMatchObject({ action: 'terminate', supervisorId: 'ghost', outcome: 'failed' });
  });

  it('reports a terminate Druid carried out but answered too late as done, and audits it so', async () => {
    // Druid removes the supervisor, then takes longer than the timeout to answer (its tasks cannot reach Kafka).
    fake.handle((request) => {
      const reply = overlord(request);
      return request.url.endsWith('/terminate') ? { ...reply, delayMs: DRUID_TIMEOUT_MS + 1_500 } : reply;
    });
    const response = await act('clicks', 'terminate');
    expect(response.status).toBe(200);
    expect((await response.json()).message).toContain('within 1 s, but reading it back shows it done');
    expect(supervisors.has('clicks')).toBe(false);
    expect(auditLines().at(-1)).toMatchObject({ action: 'terminate', supervisorId: 'clicks', outcome: 'ok', detail: expect.stringContaining('did not answer') });
  });

  it('counts a terminate done once Druid has recorded it in the history, while it still stops the tasks', async () => {
    fake.handle((request) => {
      if (!request.url.endsWith('/terminate')) return overlord(request);
      const clicks = supervisors.get('clicks')!;
      clicks.history.unshift({ version: '2026-01-03T00:00:00Z', spec: { type: 'noop', id: null, dataSources: ['clicks'], suspended: false, source: 'noop' } });
      return { ...body({ id: 'clicks' }), delayMs: DRUID_TIMEOUT_MS + 1_500 };
    });
    const response = await act('clicks', 'terminate');
    expect(response.status).toBe(200);
    expect(auditLines().at(-1)).toMatchObject({ action: 'terminate', outcome: 'ok' });
  });

  it('says the outcome is unknown, and audits it so, when a late action cannot be read back', async () => {
    fake.handle((request) => (request.url.endsWith('/reset') ? { ...overlord(request), delayMs: DRUID_TIMEOUT_MS + 1_500 } : overlord(request)));
    const response = await act('clicks', 'reset');
    expect(response.status).toBe(504);
    expect((await response.json()).error).toMatchObject({ code: 'outcome_unknown', message: expect.stringContaining('cannot be read back') });
    expect(auditLines().at(-1)).toMatchObject({ action: 'reset', supervisorId: 'clicks', outcome: 'unknown' });
  });

  it('names the actions it knows for an unknown one', async () => {
    const response = await act('clicks', 'explode');
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('must be one of suspend, resume, reset, terminate, resetOffsets, handoff');
  });
});
