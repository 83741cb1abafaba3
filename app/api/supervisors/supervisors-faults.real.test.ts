// The /api/supervisors routes in-process against real Druid 33, through an HTTP fault proxy in
// front of the stack's Router: dashboard rows and their sharing among viewers, Druid down or
// refusing, the status page without secrets, submits and actions with their audit entries, and
// actions Druid carries out but answers too late.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpFaultProxy, type HttpFaultProxy } from '@/testing/http-fault-proxy';
import { pollUntil, testStack } from '@/testing/real-stack';
import { createTopicWith, deleteTopics } from '@/testing/app';
import { REDACTED, SubmitResultSchema, SupervisorDetailSchema, SupervisorListSchema } from '@/lib/operate';

const RUN = `sv-${Date.now().toString(36)}`;
const TOPIC = RUN;
/** Reads the topic; the only one of these that runs tasks (the indexer's slots are few). */
const RUNNING = `${RUN}-running`;
/** Submitted suspended: submits, offsets, resets. */
const PARKED = `${RUN}-parked`;
/** Submitted suspended, then terminated late. */
const DOOMED = `${RUN}-doomed`;
// Short, so the tests of a late Druid run quickly; real Druid answers everything else well within it.
const DRUID_TIMEOUT_MS = 3_000;
const SUPERVISOR = '/druid/indexer/v1/supervisor';

let proxy: HttpFaultProxy;
let auditDir: string;
let bootstrapServers: string;
let routes: { list: typeof import('./route'); detail: typeof import('./[id]/route'); action: typeof import('./[id]/[action]/route') };
let operate: typeof import('@/lib/server/operate');
let audit: typeof import('@/lib/server/audit');

const spec = (dataSource: string, extra: Record<string, unknown> = {}) => ({
  type: 'kafka',
  spec: {
    dataSchema: {
      dataSource,
      timestampSpec: { column: 'time', format: 'iso' },
      dimensionsSpec: { dimensions: ['url'] },
      granularitySpec: { type: 'uniform', segmentGranularity: 'hour', queryGranularity: 'none', rollup: false },
    },
    ioConfig: {
      type: 'kafka',
      topic: TOPIC,
      inputFormat: { type: 'json' },
      // Druid stores and echoes consumer properties as given; the app must never show the password.
      consumerProperties: { 'bootstrap.servers': bootstrapServers, 'sasl.jaas.config': 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="kafka-secret";' },
      useEarliestOffset: true,
      taskCount: 1,
      taskDuration: 'PT1H',
      ...extra,
    },
    tuningConfig: { type: 'kafka' },
  },
});

/** The audit trail in the store, oldest first. */
const auditLines = async () => (await audit.auditPage({}, 500)).entries.reverse();
const list = () => routes.list.GET(new Request('http://app/api/supervisors'));
const rows = async () => SupervisorListSchema.parse(await (await list()).json()).supervisors;
const detail = (id: string) => routes.detail.GET(new Request(`http://app/api/supervisors/${id}`), { params: Promise.resolve({ id }) });
const act = (id: string, action: string, payload?: unknown) =>
  routes.action.POST(new Request(`http://app/api/supervisors/${id}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload === undefined ? undefined : JSON.stringify(payload) }), {
    params: Promise.resolve({ id, action }),
  });
const submit = (payload: unknown, query = '') => routes.list.POST(new Request(`http://app/api/supervisors${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }));
const crossed = (method: string, url: string) => proxy.requests.filter((r) => r.method === method && r.url === url);

beforeAll(async () => {
  const stack = testStack();
  bootstrapServers = stack.kafka.bootstrapServers;
  const base = Date.now() - 600_000;
  await createTopicWith(TOPIC, 2, Array.from({ length: 20 }, (_, i) => ({ value: JSON.stringify({ time: new Date(base + i * 1_000).toISOString(), url: `/p${i % 3}` }) })));
  proxy = await startHttpFaultProxy({ target: stack.druidUrl });
  auditDir = mkdtempSync(path.join(tmpdir(), 'tributary-audit-'));
  Object.assign(process.env, {
    KAFKA_BROKERS: bootstrapServers,
    DRUID_URL: proxy.url,
    DRUID_USER: 'admin',
    DRUID_PASSWORD: 'druid-password',
    TRIBUTARY_DB_FILE: path.join(auditDir, 'tributary.db'),
    DRUID_TIMEOUT_MS: String(DRUID_TIMEOUT_MS),
    // The proxy stands in for a follower; the stack's Router is the leader it redirects to.
    DRUID_ALLOWED_ORIGINS: stack.druidUrl,
  });
  routes = { list: await import('./route'), detail: await import('./[id]/route'), action: await import('./[id]/[action]/route') };
  operate = await import('@/lib/server/operate');
  audit = await import('@/lib/server/audit');
  for (const [id, query] of [[RUNNING, ''], [PARKED, '?suspended=true'], [DOOMED, '?suspended=true']]) {
    const response = await submit(spec(id), query);
    expect(response.status, await response.clone().text()).toBe(200);
  }
});

afterAll(async () => {
  proxy?.setFault(null);
  for (const id of [RUNNING, PARKED, DOOMED]) {
    await fetch(`${testStack().druidUrl}${SUPERVISOR}/${id}/terminate`, { method: 'POST' }).catch(() => undefined);
  }
  await proxy?.close();
  await deleteTopics(TOPIC);
  await audit?.closeStore();
  if (auditDir) rmSync(auditDir, { recursive: true, force: true });
});

afterEach(() => {
  proxy.setFault(null);
  proxy.requests.length = 0;
  operate.invalidateSupervisorList();
});

describe('GET /api/supervisors', () => {
  it('answers one row per supervisor as Druid reports it, and a row saying why for one whose status failed', async () => {
    const running = await pollUntil(
      'the running supervisor caught up',
      async () => {
        operate.invalidateSupervisorList();
        return (await rows()).find((r) => r.id === RUNNING);
      },
      (row) => row?.state === 'RUNNING' && row.activeTasks === 1 && row.aggregateLag === '0',
      120_000,
      2_000,
    );
    expect(running).toMatchObject({ topic: TOPIC, partitions: 2, aggregateLag: '0', lagHistory: expect.arrayContaining([expect.objectContaining({ lag: '0' })]) });
    expect((await rows()).find((r) => r.id === PARKED)).toMatchObject({ state: 'SUSPENDED', activeTasks: 0 });

    operate.invalidateSupervisorList();
    proxy.setFault({ kind: 'status', status: 500, body: '{"error":"java.lang.NullPointerException"}', pathPrefix: `${SUPERVISOR}/${PARKED}/status` });
    expect((await rows()).find((r) => r.id === PARKED)).toMatchObject({ state: 'SUSPENDED', aggregateLag: null, problem: expect.stringContaining('Its status could not be read') });
  });

  it('shares one Overlord read among concurrent viewers', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => list()));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(crossed('GET', `${SUPERVISOR}?state=true`)).toHaveLength(1);
    expect(crossed('GET', `${SUPERVISOR}/${RUNNING}/status`)).toHaveLength(1);
  });

  it('says Druid is unreachable instead of answering an empty list', async () => {
    proxy.setFault({ kind: 'reset' });
    const response = await list();
    expect(response.status).toBe(502);
    expect((await response.json()).error).toMatchObject({ code: 'druid_unreachable', message: expect.stringMatching(/Overlord|Router|Druid/) });
  });

  it('says Druid failed, not that there are no supervisors, when a load balancer answers 503 with a page', async () => {
    proxy.setFault({ kind: 'status', status: 503, contentType: 'text/html', body: '<html><body><h1>503 Service Unavailable</h1>No server is available to handle this request.</body></html>', pathPrefix: SUPERVISOR });
    const response = await list();
    expect(response.status).toBe(502);
    expect((await response.json()).error).toMatchObject({ code: 'druid_error', message: expect.stringContaining('503') });
  });

  it("says Tributary's Druid credentials were refused on basic security's 401, without asking the browser to log in", async () => {
    proxy.setFault({ kind: 'basic-auth' });
    const response = await list();
    expect(response.status).toBe(502);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect((await response.json()).error.code).toBe('druid_auth');
  });

  it('follows a redirect to the leader on another origin', async () => {
    proxy.setFault({ kind: 'redirect', location: testStack().druidUrl, pathPrefix: `${SUPERVISOR}?` });
    const response = await list();
    expect(response.status).toBe(200);
    expect(SupervisorListSchema.parse(await response.json()).supervisors.map((r) => r.id)).toContain(RUNNING);
    expect(crossed('GET', `${SUPERVISOR}?state=true`)[0].status).toBe(307);
  });

  it('refuses a redirect to a host outside the configuration, naming it', async () => {
    proxy.setFault({ kind: 'redirect', location: 'http://elsewhere.invalid:8090', pathPrefix: `${SUPERVISOR}?` });
    const response = await list();
    expect(response.status).toBe(502);
    const { error } = await response.json();
    expect(error.code).toBe('druid_invalid_response');
    expect(error.message).toContain('a redirect to http://elsewhere.invalid:8090, a host outside');
  });
});

describe('GET /api/supervisors/{id}', () => {
  it('answers status, partitions, tasks, throughput, history and a curl without secrets', async () => {
    const answer = await pollUntil(
      'the status page of the running supervisor',
      async () => SupervisorDetailSchema.parse(await (await detail(RUNNING)).json()),
      (d) => d.status.state === 'RUNNING' && d.partitions.length === 2 && d.partitions.every((p) => p.taskId !== null && p.lag === '0'),
      60_000,
      2_000,
    );
    expect(answer.partitions.map((p) => [p.partition, p.currentOffset, p.latestOffset, p.lag])).toEqual([
      ['0', '10', '10', '0'],
      ['1', '10', '10', '0'],
    ]);
    expect(answer.tasks.some((t) => t.role === 'active' && t.status === 'RUNNING')).toBe(true);
    expect(answer.throughput).toMatchObject({ errorsPerSecond: 0 });
    expect(answer.history.length).toBeGreaterThanOrEqual(1);
    expect(answer.curl).toContain(`${proxy.url}${SUPERVISOR}`);
    expect(answer.problems).toEqual([]);
    const everything = JSON.stringify(answer);
    expect(everything).not.toContain('druid-password');
    expect(everything).not.toContain('kafka-secret');
    expect(everything).toContain(REDACTED);
    // Druid itself keeps the password: the redaction is the app's.
    expect(await fetch(`${testStack().druidUrl}${SUPERVISOR}/${RUNNING}`).then((r) => r.text())).toContain('kafka-secret');
  });

  it('answers 404 with a clear message for an unknown supervisor', async () => {
    const response = await detail(`${RUN}-nope`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe(`Druid has no supervisor named "${RUN}-nope"`);
  });
});

describe('POST /api/supervisors', () => {
  it('refuses a broken spec with the JSON paths of its problems, sending Druid nothing', async () => {
    const broken = spec(`${RUN}-broken`);
    delete (broken.spec.ioConfig as Record<string, unknown>).topic;
    const response = await submit(broken);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_spec');
    expect(error.details.issues.map((i: { path: string }) => i.path)).toContain('spec.ioConfig.topic');
    expect(proxy.requests.some((r) => r.method === 'POST')).toBe(false);
    expect((await auditLines()).at(-1)).toMatchObject({ action: 'submit', supervisorId: `${RUN}-broken`, outcome: 'refused', druidStatus: null });
  });

  it("reads Druid 33's echo back as the spec submitted: a resubmit is unchanged, suspended stays suspended, the status page shows no nulls", async () => {
    const again = await submit(spec(PARKED), '?suspended=true');
    expect(SubmitResultSchema.parse(await again.json())).toMatchObject({ id: PARKED, outcome: 'unchanged', suspended: true, message: expect.stringContaining('unchanged') });
    expect(proxy.requests.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual([`${SUPERVISOR}?skipRestartIfUnmodified=true`]);
    expect((await auditLines()).at(-1)).toMatchObject({ action: 'submit', supervisorId: PARKED, outcome: 'unchanged', changes: { submit: 'unchanged' }, druidStatus: 200 });
    // The first submit of the same spec, in beforeAll, created it; both carry the same spec hash.
    const parked = (await auditLines()).filter((l) => l.supervisorId === PARKED);
    expect(parked[0]).toMatchObject({ action: 'submit', outcome: 'ok', changes: { submit: 'created' }, specHash: parked.at(-1)!.specHash });
    const answer = SupervisorDetailSchema.parse(await (await detail(PARKED)).json());
    expect(answer.status.state).toBe('SUSPENDED');
    expect(answer.problems).toEqual([]);
    expect(JSON.stringify(answer.spec)).not.toContain('null');
    expect(answer.curl).not.toContain('null');
    expect(answer.curl).toContain('"taskDuration": "PT1H"');
  });

  it('records five identical submits sent at once as one creation, the others unchanged', async () => {
    const id = `${RUN}-five`;
    try {
      const answers = await Promise.all(Array.from({ length: 5 }, () => submit(spec(id), '?suspended=true')));
      const outcomes = await Promise.all(answers.map(async (r) => SubmitResultSchema.parse(await r.json()).outcome));
      expect(outcomes.sort()).toEqual(['created', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
      const entries = (await auditLines()).filter((l) => l.supervisorId === id);
      expect(entries.map((l) => l.changes?.submit).sort()).toEqual(['created', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
      expect(new Set(entries.map((l) => l.specHash)).size).toBe(1);
      expect(crossed('POST', SUPERVISOR)).toHaveLength(1);
    } finally {
      await act(id, 'terminate');
    }
  });

  it('sends suspended: true to Druid on ?suspended=true', async () => {
    const id = `${RUN}-fresh`;
    try {
      const result = SubmitResultSchema.parse(await (await submit(spec(id), '?suspended=true')).json());
      expect(result).toMatchObject({ id, outcome: 'created', suspended: true });
      expect(JSON.parse(crossed('POST', SUPERVISOR)[0].body).suspended).toBe(true);
    } finally {
      await act(id, 'terminate');
    }
  });

  it("returns Druid's refusal in words", async () => {
    // Tributary checks specs before Druid does, so Druid's own refusal (its answer to a malformed period, as Druid 33 sends it) comes from the proxy.
    const refusal = '{"error":"Invalid format: \\"PT1X\\" is malformed at \\"1X\\" (through reference chain: org.apache.druid.indexing.kafka.supervisor.KafkaSupervisorSpec[\\"spec\\"])"}';
    proxy.setFault({ kind: 'status', status: 400, body: refusal, pathPrefix: SUPERVISOR, method: 'POST' });
    const response = await submit(spec(PARKED, { taskCount: 2 }), '?suspended=true');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'druid_invalid_input', message: expect.stringContaining('Invalid format: "PT1X" is malformed') });
    expect((await auditLines()).at(-1)).toMatchObject({ action: 'submit', supervisorId: PARKED, outcome: 'refused', druidStatus: 400, druidAnswer: expect.stringContaining('PT1X') });
  });
});

describe('POST /api/supervisors/{id}/{action}', () => {
  it('suspends and resumes, records both in the audit trail, and the dashboard shows it at once', async () => {
    await list();
    const response = await act(RUNNING, 'suspend');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: RUNNING, action: 'suspend', message: expect.stringContaining('suspended') });
    // Druid restarts a supervisor to suspend it: the row says so at once, its state follows.
    expect((await rows()).find((r) => r.id === RUNNING)?.suspended).toBe(true);
    await pollUntil(
      'the suspended state',
      async () => {
        operate.invalidateSupervisorList();
        return (await rows()).find((r) => r.id === RUNNING)?.state;
      },
      (state) => state === 'SUSPENDED',
      30_000,
      500,
    );
    expect((await act(RUNNING, 'resume')).status).toBe(200);
    expect((await auditLines()).slice(-2).map((l) => [l.action, l.supervisorId, l.outcome])).toEqual([
      ['suspend', RUNNING, 'ok'],
      ['resume', RUNNING, 'ok'],
    ]);
  });

  it('moves offsets exactly, on the topic the supervisor reads', async () => {
    const response = await act(PARKED, 'resetOffsets', { partitions: { '1': '9007199254740993' } });
    expect(crossed('POST', `${SUPERVISOR}/${PARKED}/resetOffsets`)[0].body).toBe(
      `{"type":"kafka","partitions":{"type":"end","stream":"${TOPIC}","partitionOffsetMap":{"1":9007199254740993}}}`,
    );
    expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  });

  it('says what is wrong with a bad resetOffsets body', async () => {
    const response = await act(PARKED, 'resetOffsets', { partitions: { '0': 12 } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe('Invalid request body.partitions.0: offset must be a whole number written as a string, such as "1200"');
  });

  it('answers 404 for an unknown supervisor and audits the failure', async () => {
    const response = await act(`${RUN}-ghost`, 'terminate');
    expect(response.status).toBe(404);
    expect((await auditLines()).at(-1)).toMatchObject({ action: 'terminate', supervisorId: `${RUN}-ghost`, outcome: 'failed', druidStatus: 404 });
  });

  it('says the outcome is unknown, and audits it so, when a late action cannot be read back', async () => {
    proxy.setFault({ kind: 'hang', pathPrefix: `${SUPERVISOR}/${PARKED}/reset` });
    const response = await act(PARKED, 'reset');
    expect(response.status).toBe(504);
    expect((await response.json()).error).toMatchObject({ code: 'outcome_unknown', message: expect.stringContaining('cannot be read back') });
    expect((await auditLines()).at(-1)).toMatchObject({ action: 'reset', supervisorId: PARKED, outcome: 'unknown', druidStatus: null });
  });

  it('records a suspend Druid answered too late as unknown, then settles it from reading Druid back', async () => {
    proxy.setFault({ kind: 'latency', ms: DRUID_TIMEOUT_MS + 1_500, pathPrefix: `${SUPERVISOR}/${RUNNING}/suspend` });
    try {
      const response = await act(RUNNING, 'suspend');
      expect(response.status).toBe(200);
      expect((await response.json()).message).toContain('but reading it back shows it done');
      expect((await auditLines()).at(-1)).toMatchObject({ action: 'suspend', supervisorId: RUNNING, outcome: 'ok', druidStatus: null, resolvedAt: expect.any(String) });
    } finally {
      proxy.setFault(null);
      await act(RUNNING, 'resume');
    }
  });

  it('reports a terminate Druid carried out but answered too late as done, and audits it so', async () => {
    proxy.setFault({ kind: 'latency', ms: DRUID_TIMEOUT_MS + 1_500, pathPrefix: `${SUPERVISOR}/${DOOMED}/terminate` });
    const response = await act(DOOMED, 'terminate');
    expect(response.status).toBe(200);
    expect((await response.json()).message).toContain('within 3 s, but reading it back shows it done');
    expect((await fetch(`${testStack().druidUrl}${SUPERVISOR}/${DOOMED}`)).status).toBe(404);
    expect((await auditLines()).at(-1)).toMatchObject({ action: 'terminate', supervisorId: DOOMED, outcome: 'ok', resolvedAt: expect.any(String), detail: expect.stringContaining('did not answer') });
  });

  it('names the actions it knows for an unknown one', async () => {
    const response = await act(PARKED, 'explode');
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('must be one of suspend, resume, reset, terminate, resetOffsets, handoff');
  });
});
