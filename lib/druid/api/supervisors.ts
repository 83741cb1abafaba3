// The Overlord's supervisor API (docs/api-reference/supervisor-api.md).
import { z } from 'zod';
import { errorFromStatus } from '../classify';
import { parseDruidJson, stringifyDruidJson } from '../json';
import { parseRequest } from '../request';
import {
  ResetOffsetsRequestSchema,
  SupervisorBulkResponseSchema,
  SupervisorFullListSchema,
  SupervisorHealthSchema,
  SupervisorHistoryAllSchema,
  SupervisorHistorySchema,
  SupervisorIdResponseSchema,
  SupervisorListSchema,
  SupervisorSpecSchema,
  SupervisorStateListSchema,
  SupervisorStatsSchema,
  SupervisorStatusSchema,
  type SupervisorFullEntry,
  type SupervisorHistoryEntry,
  type SupervisorSpec,
  type SupervisorStateEntry,
  type SupervisorStats,
  type SupervisorStatus,
} from '../schemas/supervisor';
import { parseAnswer, type CallOptions, type DruidCall, type DruidTransport } from '../transport';

const BASE = '/druid/indexer/v1/supervisor';

export interface SubmitOptions extends CallOptions {
  /** Leave running tasks alone when the spec did not change (Druid 28+). */
  readonly skipRestartIfUnmodified?: boolean;
}

export interface SupervisorsApi {
  list(options?: CallOptions): Promise<string[]>;
  listWithState(options?: CallOptions): Promise<SupervisorStateEntry[]>;
  listFull(options?: CallOptions): Promise<SupervisorFullEntry[]>;
  spec(id: string, options?: CallOptions): Promise<SupervisorSpec>;
  status(id: string, options?: CallOptions): Promise<SupervisorStatus>;
  stats(id: string, options?: CallOptions): Promise<SupervisorStats>;
  health(id: string, options?: CallOptions): Promise<{ healthy: boolean }>;
  history(id: string, options?: CallOptions): Promise<SupervisorHistoryEntry[]>;
  historyAll(options?: CallOptions): Promise<Record<string, SupervisorHistoryEntry[]>>;
  submit(spec: Readonly<Record<string, unknown>>, options?: SubmitOptions): Promise<{ id: string }>;
  suspend(id: string, options?: CallOptions): Promise<SupervisorSpec>;
  resume(id: string, options?: CallOptions): Promise<SupervisorSpec>;
  /** Hard reset: forgets stored offsets, so ingestion may skip or re-read data. */
  reset(id: string, options?: CallOptions): Promise<{ id: string }>;
  /** Moves the stored offsets of some partitions; offsets as decimal strings or bigints stay exact. */
  resetOffsets(id: string, stream: string, offsets: Readonly<Record<string, string | bigint | number>>, options?: CallOptions): Promise<{ id: string }>;
  /** Asks task groups to publish their segments now rather than at taskDuration. */
  handoff(id: string, taskGroupIds: readonly number[], options?: CallOptions): Promise<void>;
  terminate(id: string, options?: CallOptions): Promise<{ id: string }>;
  suspendAll(options?: CallOptions): Promise<{ status: string }>;
  resumeAll(options?: CallOptions): Promise<{ status: string }>;
  terminateAll(options?: CallOptions): Promise<{ status: string }>;
}

function parseDruidJsonOrNull(text: string): unknown {
  try {
    return parseDruidJson(text);
  } catch {
    return null;
  }
}

export function supervisorsApi(http: DruidTransport): SupervisorsApi {
  const path = (id: string, action = '') => `${BASE}/${encodeURIComponent(id)}${action}`;
  const notFound = (id: string) => `Druid has no supervisor named "${id}"`;
  const get = async <S extends z.ZodType>(call: Omit<DruidCall, 'target' | 'method'>, schema: S) =>
    (await http.json({ target: 'overlord', method: 'GET', ...call }, schema)).value;
  const post = async <S extends z.ZodType>(call: Omit<DruidCall, 'target' | 'method'>, schema: S) =>
    (await http.json({ target: 'overlord', method: 'POST', ...call }, schema)).value;
  const action = (id: string, verb: string, options?: CallOptions) =>
    post({ ...options, path: path(id, `/${verb}`), notFoundMessage: notFound(id) }, SupervisorIdResponseSchema);

  return {
    list: (options) => get({ ...options, path: BASE }, SupervisorListSchema),
    listWithState: (options) => get({ ...options, path: `${BASE}?state=true` }, SupervisorStateListSchema),
    listFull: (options) => get({ ...options, path: `${BASE}?full` }, SupervisorFullListSchema),
    spec: (id, options) => get({ ...options, path: path(id), notFoundMessage: notFound(id) }, SupervisorSpecSchema),
    status: (id, options) => get({ ...options, path: path(id, '/status'), notFoundMessage: notFound(id) }, SupervisorStatusSchema),
    stats: (id, options) => get({ ...options, path: path(id, '/stats'), notFoundMessage: notFound(id) }, SupervisorStatsSchema),
    health: async (id, options) => {
      // 503 is the answer "unhealthy" when it carries {"healthy": false}; any other
      // 503 (a Router or proxy with the Overlord down) is an error.
      const answer = await http.send({ ...options, target: 'overlord', method: 'GET', path: path(id, '/health'), notFoundMessage: notFound(id), answerStatuses: [503] });
      if (answer.status === 503 && !SupervisorHealthSchema.safeParse(parseDruidJsonOrNull(answer.text)).success) {
        throw errorFromStatus(answer.site, 503, answer.text, answer.headers.get('content-type'));
      }
      return parseAnswer(answer, SupervisorHealthSchema);
    },
    history: (id, options) => get({ ...options, path: path(id, '/history'), notFoundMessage: notFound(id) }, SupervisorHistorySchema),
    historyAll: (options) => get({ ...options, path: `${BASE}/history` }, SupervisorHistoryAllSchema),
    submit: (spec, options) =>
      post(
        {
          ...options,
          path: options?.skipRestartIfUnmodified ? `${BASE}?skipRestartIfUnmodified=true` : BASE,
          body: stringifyDruidJson(spec),
        },
        SupervisorIdResponseSchema,
      ),
    suspend: (id, options) => post({ ...options, path: path(id, '/suspend'), notFoundMessage: notFound(id) }, SupervisorSpecSchema),
    resume: (id, options) => post({ ...options, path: path(id, '/resume'), notFoundMessage: notFound(id) }, SupervisorSpecSchema),
    reset: (id, options) => action(id, 'reset', options),
    resetOffsets: async (id, stream, offsets, options) => {
      const wanted = { type: 'kafka', partitions: { type: 'end', stream, partitionOffsetMap: offsets } };
      const request = parseRequest(ResetOffsetsRequestSchema, wanted, 'resetOffsets request');
      // Offsets travel as exact JSON numbers, never through a double.
      const partitionOffsetMap = Object.fromEntries(
        Object.entries(request.partitions.partitionOffsetMap).map(([partition, offset]) => [partition, BigInt(offset)]),
      );
      const body = stringifyDruidJson({ ...request, partitions: { ...request.partitions, partitionOffsetMap } });
      return post({ ...options, path: path(id, '/resetOffsets'), body, notFoundMessage: notFound(id) }, SupervisorIdResponseSchema);
    },
    handoff: async (id, taskGroupIds, options) => {
      await http.send({
        ...options,
        target: 'overlord',
        method: 'POST',
        path: path(id, '/taskGroups/handoff'),
        body: stringifyDruidJson({ taskGroupIds }),
        notFoundMessage: notFound(id),
      });
    },
    terminate: (id, options) => action(id, 'terminate', options),
    suspendAll: (options) => post({ ...options, path: `${BASE}/suspendAll` }, SupervisorBulkResponseSchema),
    resumeAll: (options) => post({ ...options, path: `${BASE}/resumeAll` }, SupervisorBulkResponseSchema),
    terminateAll: (options) => post({ ...options, path: `${BASE}/terminateAll` }, SupervisorBulkResponseSchema),
  };
}
