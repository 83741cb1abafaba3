// The local Druid-compatible engine's HTTP server: one node:http server answering the Router's
// paths for the Overlord, Broker and Coordinator, plus /status.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Broker, EngineRequest, EngineResponse, QueryDeps } from './contract';
import { createCoordinator } from './coordinator';
import { json, queryError } from './http';
import { SupervisorRegistry } from './ingest/registry';
import { sysSupervisorRow, sysTaskRow } from './ingest/status';
import { createOverlord } from './overlord';
import { DruidStore } from './store';

export const ENGINE_VERSION = 'tributary-local-engine-0.1.0 (not Apache Druid)';

export interface EngineOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** A DuckDB file path, or ':memory:'. */
  readonly dataPath: string;
  readonly host?: string;
}

export interface Engine {
  readonly url: string;
  readonly store: DruidStore;
  readonly registry: SupervisorRegistry;
  close(): Promise<void>;
}

function statusBody(): Record<string, unknown> {
  const memory = process.memoryUsage();
  return {
    version: ENGINE_VERSION,
    modules: [
      { name: 'tributary.engine.KafkaIngestion', artifact: 'tributary-local-engine (kafka ingestion, no consumer group)', version: '0.1.0' },
      { name: 'tributary.engine.DuckDBStorage', artifact: 'duckdb (@duckdb/node-api)', version: '1.5.5' },
    ],
    memory: { maxMemory: memory.rss, totalMemory: memory.heapTotal, freeMemory: memory.heapTotal - memory.heapUsed, usedMemory: memory.heapUsed, directMemory: memory.external },
  };
}

/** The Broker is another module (./query); until it exists, /druid/v2 answers 501. */
async function loadBroker(deps: QueryDeps): Promise<Broker | null> {
  const entry = ['index.ts', 'index.js'].map((file) => path.join(__dirname, 'query', file)).find((file) => existsSync(file));
  if (!entry) return null;
  const query = (await import(/* @vite-ignore */ pathToFileURL(entry).href)) as { createBroker?: (deps: QueryDeps) => Broker };
  return query.createBroker ? query.createBroker(deps) : null;
}

async function readRequest(req: IncomingMessage, base: string): Promise<EngineRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return { method: req.method ?? 'GET', url: new URL(req.url ?? '/', base), headers: req.headers, body: Buffer.concat(chunks) };
}

function send(res: ServerResponse, response: EngineResponse): void {
  res.writeHead(response.status, response.headers ?? {});
  res.end(response.body ?? '');
}

export async function startEngine(options: EngineOptions): Promise<Engine> {
  const store = await DruidStore.open(options.dataPath);
  const registry = new SupervisorRegistry(store);
  await registry.restore();
  const deps: QueryDeps = {
    connection: store.connection,
    datasources: () => store.datasources(),
    sysSupervisors: () => registry.list().map(sysSupervisorRow),
    sysTasks: () => registry.tasks().map(sysTaskRow),
  };
  let hostPort = '';
  const overlord = createOverlord(registry, () => `http://${hostPort}`);
  const coordinator = createCoordinator(store, (datasource) => registry.list().some((supervisor) => supervisor.spec.dataSource === datasource));
  let broker: Promise<Broker | null> | null = null;

  async function route(request: EngineRequest): Promise<EngineResponse> {
    const pathname = request.url.pathname;
    if (pathname === '/status') return json(200, statusBody());
    if (pathname === '/status/health') return json(200, true);
    if (pathname === '/status/selfDiscovered/status') return json(200, { selfDiscovered: true });
    if (pathname === '/druid/broker/v1/loadstatus') return json(200, { inventoryInitialized: true });
    if (pathname.startsWith('/druid/indexer/v1/')) return overlord(request);
    if (pathname.startsWith('/druid/coordinator/v1/')) return coordinator(request);
    if (pathname === '/druid/v2' || pathname.startsWith('/druid/v2/')) {
      broker ??= loadBroker(deps).catch((error) => {
        broker = null;
        throw error;
      });
      const loaded = await broker;
      if (!loaded) return queryError(501, 'Unsupported operation', 'The local engine was built without its query module', null, hostPort);
      return loaded.handle(request);
    }
    return json(404, { error: `No endpoint ${request.method} ${pathname}` });
  }

  const server = createServer((req, res) => {
    readRequest(req, `http://${hostPort}`)
      .then(route)
      .catch((error: Error) => queryError(500, 'Unknown exception', error.message, error.name, hostPort))
      .then((response) => send(res, response));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  hostPort = `${options.host ?? '127.0.0.1'}:${port}`;

  return {
    url: `http://${hostPort}`,
    store,
    registry,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await registry.close();
      await store.close();
    },
  };
}
