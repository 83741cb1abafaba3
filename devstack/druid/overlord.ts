// The Overlord API subset under /druid/indexer/v1: supervisors, tasks, sampler.
// https://druid.apache.org/docs/latest/api-reference/supervisor-api
import { z } from 'zod';
import type { EngineRequest, EngineResponse } from './contract';
import { BadRequest, invalidInput, json, overlordError, parseJsonBody, text } from './http';
import type { SupervisorRegistry } from './ingest/registry';
import { SpecRejected } from './ingest/spec';
import { stateRow, statsReport, statusReport } from './ingest/status';
import type { IndexTask } from './ingest/tasks';
import { runSampler } from './sampler';

const PREFIX = '/druid/indexer/v1';

export function createOverlord(registry: SupervisorRegistry, host: () => string) {
  const notFound = (id: string) => overlordError(404, `[${id}] does not exist`);

  async function supervisorAction(id: string, action: string, request: EngineRequest): Promise<EngineResponse> {
    const supervisor = registry.get(id);
    if (!supervisor) return notFound(id);
    switch (action) {
      case 'suspend':
        if (supervisor.suspended) return overlordError(400, `[${id}] is already suspended`);
        return json(200, (await registry.setSuspended(id, true)).echo);
      case 'resume':
        if (!supervisor.suspended) return overlordError(400, `[${id}] is already running`);
        return json(200, (await registry.setSuspended(id, false)).echo);
      case 'reset':
        supervisor.reset();
        return json(200, { id });
      case 'resetOffsets':
        supervisor.resetOffsets(readResetOffsets(parseBody(ResetOffsetsRequest, request), supervisor.spec.topic));
        return json(200, { id });
      case 'terminate':
      case 'shutdown':
        await registry.terminate(id);
        return json(200, { id });
      case 'taskGroups/handoff': {
        supervisor.handoff(parseBody(HandoffRequest, request).taskGroupIds);
        return { status: 200 };
      }
      default:
        return overlordError(404, `Unknown supervisor action [${action}]`);
    }
  }

  function supervisorGet(id: string, view: string): EngineResponse {
    const supervisor = registry.get(id);
    if (view === 'history') {
      const history = registry.historyOf(id);
      return history ? json(200, [...history].reverse()) : notFound(id);
    }
    if (!supervisor) return notFound(id);
    switch (view) {
      case '':
        return json(200, supervisor.spec.echo);
      case 'status':
        return json(200, statusReport(supervisor));
      case 'stats':
        return json(200, statsReport(supervisor));
      case 'health':
        return json(supervisor.healthy ? 200 : 503, { healthy: supervisor.healthy });
      default:
        return overlordError(404, `Unknown supervisor resource [${view}]`);
    }
  }

  function listSupervisors(url: URL): EngineResponse {
    const supervisors = registry.list();
    if (url.searchParams.has('full')) {
      return json(200, supervisors.map((s) => ({ id: s.spec.id, state: s.state, detailedState: s.detailedState, healthy: s.healthy, spec: s.spec.echo, suspended: s.suspended })));
    }
    if (url.searchParams.get('state') === 'true') return json(200, supervisors.map(stateRow));
    return json(200, supervisors.map((s) => s.spec.id));
  }

  function listTasks(url: URL, fixedState?: string): EngineResponse {
    const state = fixedState ?? url.searchParams.get('state');
    const datasource = url.searchParams.get('datasource');
    const type = url.searchParams.get('type');
    const max = Number(url.searchParams.get('max') ?? Infinity);
    let tasks = registry.tasks().filter((task) => (!datasource || task.dataSource === datasource) && (!type || type === 'index_kafka'));
    if (state === 'running') tasks = tasks.filter((task) => task.status === 'RUNNING');
    else if (state === 'complete') tasks = tasks.filter((task) => task.status !== 'RUNNING');
    else if (state === 'waiting' || state === 'pending') tasks = [];
    else if (state) throw new BadRequest(`Invalid task state [${state}]: expected running, complete, waiting or pending`, { field: 'state' });
    const created = url.searchParams.get('createdTimeInterval');
    if (created) {
      const [start, end] = created.split(/[_/]/).map((part) => Date.parse(part));
      if (Number.isNaN(start) || Number.isNaN(end)) throw new BadRequest(`Invalid createdTimeInterval [${created}]: expected start_end in ISO-8601`, { field: 'createdTimeInterval' });
      tasks = tasks.filter((task) => task.createdAt >= start && task.createdAt < end);
    }
    tasks.sort((a, b) => b.createdAt - a.createdAt);
    return json(200, tasks.slice(0, max).map((task) => task.statusObject()));
  }

  function taskGet(task: IndexTask | undefined, id: string, view: string, url: URL): EngineResponse {
    if (!task) return overlordError(404, `No task found with id [${id}]`);
    switch (view) {
      case '':
        return json(200, { task: id, payload: { type: 'index_kafka', id, groupId: task.groupId, dataSource: task.dataSource } });
      case 'status':
        return json(200, { task: id, status: task.statusObject() });
      case 'reports':
        return json(200, task.report());
      case 'log': {
        // offset: from that byte on, or the last -offset bytes when negative (as Druid serves logs).
        const log = Buffer.from(`${task.log.join('\n')}\n`);
        const offset = Number(url.searchParams.get('offset') ?? 0);
        return text(200, (Number.isInteger(offset) ? log.subarray(offset < 0 ? Math.max(0, log.length + offset) : offset) : log).toString('utf8'));
      }
      default:
        return overlordError(404, `Unknown task resource [${view}]`);
    }
  }

  return async function handle(request: EngineRequest): Promise<EngineResponse> {
    const path = request.url.pathname.slice(PREFIX.length).replace(/\/+$/, '');
    const method = request.method;
    try {
      if (path === '/supervisor' && method === 'GET') return listSupervisors(request.url);
      if (path === '/supervisor' && method === 'POST') {
        const contentType = request.headers['content-type'];
        if (contentType && !/json/i.test(contentType)) return overlordError(415, `Unsupported Media Type [${contentType}]: a supervisor spec is application/json`);
        const spec = await registry.submit(parseJsonBody(request.body));
        return json(200, { id: spec.id });
      }
      if (path === '/supervisor/history' && method === 'GET') return json(200, registry.allHistory());
      if (method === 'POST' && ['/supervisor/suspendAll', '/supervisor/resumeAll', '/supervisor/terminateAll'].includes(path)) {
        for (const supervisor of registry.list()) {
          if (path.endsWith('terminateAll')) await registry.terminate(supervisor.spec.id);
          else if (supervisor.suspended !== path.endsWith('suspendAll')) await registry.setSuspended(supervisor.spec.id, path.endsWith('suspendAll'));
        }
        return json(200, { status: 'success' });
      }
      const supervisorMatch = /^\/supervisor\/([^/]+)(?:\/(.+))?$/.exec(path);
      if (supervisorMatch) {
        const id = decodeURIComponent(supervisorMatch[1]);
        const view = supervisorMatch[2] ?? '';
        if (method === 'GET') return supervisorGet(id, view);
        if (method === 'POST') return await supervisorAction(id, view, request);
      }
      if (method === 'GET' && path === '/tasks') return listTasks(request.url);
      const legacyList = { '/runningTasks': 'running', '/completeTasks': 'complete', '/waitingTasks': 'waiting', '/pendingTasks': 'pending' }[path];
      if (method === 'GET' && legacyList) return listTasks(request.url, legacyList);
      const taskMatch = /^\/task\/([^/]+)(?:\/(status|reports|log))?$/.exec(path);
      if (taskMatch && method === 'GET') {
        const id = decodeURIComponent(taskMatch[1]);
        return taskGet(registry.tasks().find((task) => task.id === id), id, taskMatch[2] ?? '', request.url);
      }
      if (path === '/sampler' && method === 'POST') return await runSampler(parseJsonBody(request.body));
      if (path === '/leader' && method === 'GET') return text(200, host());
      if (path === '/isLeader' && method === 'GET') return json(200, { leader: true });
      return overlordError(404, `No Overlord endpoint ${method} ${request.url.pathname}`);
    } catch (error) {
      if (error instanceof SpecRejected) return invalidInput(error.message, error.issues[0] ? { field: error.issues[0].path } : {});
      if (error instanceof BadRequest) return invalidInput(error.message, error.context);
      throw error;
    }
  };
}

const offset = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]);

const ResetOffsetsRequest = z.object({
  type: z.literal('kafka'),
  partitions: z.object({
    type: z.literal('end'),
    stream: z.string(),
    partitionOffsetMap: z.record(z.string().regex(/^\d+$/, 'partition ids are numbers'), offset),
  }),
});

const HandoffRequest = z.object({ taskGroupIds: z.array(z.number().int().nonnegative()) });

/** Parses a JSON body with a schema; the first problem becomes a 400 naming its field. */
function parseBody<T>(schema: z.ZodType<T>, request: EngineRequest): T {
  const parsed = schema.safeParse(parseJsonBody(request.body));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.join('.');
  throw new BadRequest(`${field || 'body'}: ${issue.message}`, { field });
}

function readResetOffsets(body: z.infer<typeof ResetOffsetsRequest>, topic: string): Map<number, bigint> {
  if (body.partitions.stream !== topic) throw new BadRequest(`partitions.stream [${body.partitions.stream}] does not match the supervisor's topic [${topic}]`, { field: 'partitions.stream' });
  return new Map(Object.entries(body.partitions.partitionOffsetMap).map(([partition, value]) => [Number(partition), BigInt(value)]));
}
