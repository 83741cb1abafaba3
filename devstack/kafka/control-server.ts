// The control API: an HTTP face on the mock cluster's fault controls, so tests running in
// other processes (the Druid engine's, Playwright's) can take brokers down, slow them and
// inject protocol errors. Loopback only; JSON in and out; every input checked with zod.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import {
  apiKeySchema,
  brokerIdSchema,
  leaderRequestSchema,
  partitionSchema,
  requestErrorsSchema,
  rttRequestSchema,
  topicNameSchema,
  topicSchema,
  type Broker,
} from './control-api';
import type { MockCluster } from './mock-cluster';

const MAX_BODY_BYTES = 64 * 1024;

/** The part of MockCluster the control API drives. */
export type ControllableCluster = Pick<
  MockCluster,
  'brokerIds' | 'createTopic' | 'listTopics' | 'setBrokerDown' | 'setBrokerUp' | 'setBrokerRtt' | 'pushRequestErrors' | 'clearRequestErrors' | 'setPartitionLeader'
>;

export interface ControlServer {
  readonly url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

type Handler = (params: string[], body: () => Promise<unknown>) => unknown;

export async function startControlServer(cluster: ControllableCluster, port = 0): Promise<ControlServer> {
  // The mock cannot be asked for broker state, so the server remembers what it set.
  const brokers = new Map<number, Broker>(cluster.brokerIds().map((id) => [id, { id, up: true, rttMs: 0 }]));

  const broker = (raw: string): Broker => {
    const id = parse(brokerIdSchema, raw, 'broker id');
    const found = brokers.get(id);
    if (!found) throw new HttpError(404, 'not_found', `no broker ${id}; brokers are ${[...brokers.keys()].join(', ')}`);
    return found;
  };
  const topic = (raw: string) => {
    const name = parse(topicNameSchema, decodeURIComponent(raw), 'topic');
    const found = cluster.listTopics().find((t) => t.name === name);
    if (!found) throw new HttpError(404, 'not_found', `no topic ${name}`);
    return found;
  };
  const topics = () => ({ topics: cluster.listTopics().map(({ name, partitions }) => ({ name, partitions })) });

  const routes: Array<[method: string, path: RegExp, handler: Handler]> = [
    ['GET', /^\/topics$/, () => topics()],
    [
      'POST',
      /^\/topics$/,
      async (_, body) => {
        const request = parse(topicSchema, await body());
        if (cluster.listTopics().some((t) => t.name === request.name)) {
          throw new HttpError(409, 'conflict', `topic ${request.name} already exists`);
        }
        cluster.createTopic(request);
        return request;
      },
    ],
    ['GET', /^\/brokers$/, () => ({ brokers: [...brokers.values()] })],
    [
      'POST',
      /^\/brokers\/([^/]+)\/(down|up)$/,
      ([id, state]) => {
        const target = broker(id);
        if (state === 'down') cluster.setBrokerDown(target.id);
        else cluster.setBrokerUp(target.id);
        target.up = state === 'up';
        return target;
      },
    ],
    [
      'POST',
      /^\/brokers\/([^/]+)\/rtt$/,
      async ([id], body) => {
        const target = broker(id);
        const { ms } = parse(rttRequestSchema, await body());
        cluster.setBrokerRtt(target.id, ms);
        target.rttMs = ms;
        return target;
      },
    ],
    [
      'POST',
      /^\/errors$/,
      async (_, body) => {
        const { apiKey, codes } = parse(requestErrorsSchema, await body());
        cluster.pushRequestErrors(apiKey, codes);
        return { apiKey, codes };
      },
    ],
    [
      'DELETE',
      /^\/errors\/([^/]+)$/,
      ([raw]) => {
        const apiKey = parse(apiKeySchema, decodeURIComponent(raw), 'apiKey');
        cluster.clearRequestErrors(apiKey);
        return { apiKey, codes: [] };
      },
    ],
    [
      'POST',
      /^\/topics\/([^/]+)\/partitions\/([^/]+)\/leader$/,
      async ([rawTopic, rawPartition], body) => {
        const target = topic(rawTopic);
        const partition = parse(partitionSchema, rawPartition, 'partition');
        if (partition >= target.partitions) {
          throw new HttpError(404, 'not_found', `partition: ${target.name} has partitions 0..${target.partitions - 1}, not ${partition}`);
        }
        const { broker: brokerId } = parse(leaderRequestSchema, await body());
        const leader = broker(String(brokerId));
        cluster.setPartitionLeader(target.name, partition, leader.id);
        return { topic: target.name, partition, leader: leader.id };
      },
    ],
  ];

  const server = http.createServer((request, response) => {
    void handle(request, response);
  });

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://control').pathname;
    try {
      const matching = routes.filter(([, pattern]) => pattern.test(path));
      if (matching.length === 0) throw new HttpError(404, 'not_found', `no route ${path}`);
      const route = matching.find(([method]) => method === request.method);
      if (!route) {
        throw new HttpError(405, 'method_not_allowed', `${request.method} ${path} is not allowed; use ${matching.map(([m]) => m).join(' or ')}`);
      }
      const params = route[1].exec(path)!.slice(1);
      const result = await route[2](params, () => readJson(request));
      reply(response, request.method === 'POST' && path === '/topics' ? 201 : 200, result);
    } catch (error) {
      if (error instanceof HttpError) {
        reply(response, error.status, { error: { code: error.code, message: error.message, details: error.details } });
      } else {
        // The mock refused something the checks above allowed: say what it said.
        reply(response, 500, { error: { code: 'mock_cluster_error', message: (error as Error).message } });
      }
    }
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Parses with zod; failures become a 400 naming each field ("partitions: ..."). */
function parse<T>(schema: z.ZodType<T>, input: unknown, field?: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const path = [field, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path: path || '(body)', message: issue.message };
  });
  throw new HttpError(400, 'invalid_request', issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'too_large', `body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'invalid_request', '(body): expected a JSON object, got an empty body');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'invalid_request', `(body): not JSON (${(error as Error).message})`);
  }
}

function reply(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
