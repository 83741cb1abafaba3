// The API description leaves no route out: every route.ts under app/api is in the registry with
// each HTTP method it exports, and says what it does; GET /api/openapi.json serves all of it.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describedRoute, HTTP_METHODS, type OpenApiDocument, type OpenApiResponse } from '@/lib/http';
import packageJson from '@/package.json';

const API_DIR = path.join(import.meta.dirname);

/** app/api/kafka/topics/[topic]/sample/route.ts -> /api/kafka/topics/{topic}/sample */
function routeFiles(dir: string): { file: string; path: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== 'route.ts') return [];
    const url = path.relative(API_DIR, dir).split(path.sep).map((segment) => segment.replace(/^\[(.+)\]$/, '{$1}'));
    return [{ file: path.relative(process.cwd(), full), path: ['/api', ...url].join('/') }];
  });
}

let registry: typeof import('./routes').API_ROUTES;
let document: OpenApiDocument;

beforeAll(async () => {
  // Loading the routes reaches no cluster; config only has to be valid.
  process.env.KAFKA_BROKERS = '127.0.0.1:1';
  process.env.DRUID_URL = 'http://127.0.0.1:1';
  registry = (await import('./routes')).API_ROUTES;
  const { GET } = await import('./openapi.json/route');
  const response = await GET(new Request('http://localhost/api/openapi.json'));
  expect(response.status, await response.clone().text()).toBe(200);
  document = await response.json();
});

describe('the API registry', () => {
  it('lists every route module under app/api with every method it exports, each with a summary', async () => {
    const problems: string[] = [];
    const files = routeFiles(API_DIR);
    expect(files.length).toBeGreaterThan(10);
    for (const { file, path: url } of files) {
      const exports = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      const listed = registry.find((entry) => entry.path === url);
      for (const method of HTTP_METHODS.filter((name) => name in exports)) {
        const handler = exports[method];
        if (!listed) problems.push(`${file} ${method}: not in app/api/routes.ts (as ${url})`);
        else if ((listed.module as Record<string, unknown>)[method] !== handler) problems.push(`${file} ${method}: app/api/routes.ts lists another module for ${url}`);
        const route = describedRoute(handler);
        if (!route) problems.push(`${file} ${method}: not built by apiRoute(), so the API description cannot say what it takes`);
        else if (!route.summary?.trim()) problems.push(`${file} ${method}: no summary saying what the route does`);
      }
    }
    for (const { path: url } of registry) if (!files.some((file) => file.path === url)) problems.push(`app/api/routes.ts lists ${url}, which has no route.ts`);
    expect(problems).toEqual([]);
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every route and method as OpenAPI 3.1, with its role and summary', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toBe(packageJson.version);
    for (const { path: url, module } of registry) {
      for (const method of HTTP_METHODS.filter((name) => name in module)) {
        const operation = document.paths[url]?.[method.toLowerCase() as Lowercase<typeof method>];
        expect(operation, `${method} ${url}`).toBeDefined();
        expect(operation?.summary, `${method} ${url}`).toBeTruthy();
        expect(operation?.['x-tributary-role'], `${method} ${url}`).toBeDefined();
      }
    }
    expect(document.tags.map((tag) => tag.name)).toEqual(['Kafka', 'Load', 'Supervisors', 'Query', 'Alerts', 'Audit', 'Access', 'Tributary']);
  });

  it('shows each POST body that has a schema, and the roles as the routes enforce them', () => {
    const posts = Object.entries(document.paths).flatMap(([url, item]) => (item.post ? [[url, item.post] as const] : []));
    for (const [url, post] of posts) expect(post.requestBody?.content['application/json'].schema, `POST ${url}`).toBeDefined();
    const sample = document.paths['/api/kafka/topics/{topic}/sample'].post;
    expect(sample?.requestBody?.content['application/json'].schema).toMatchObject({ type: 'object', properties: { limit: { type: 'integer', maximum: 10_000, default: 500 } } });
    expect(document.paths['/api/supervisors'].post?.['x-tributary-role']).toBe('operator');
    expect(document.paths['/api/audit'].get?.['x-tributary-role']).toBe('operator');
    expect(document.paths['/api/session'].post?.['x-tributary-role']).toBe('anyone');
    expect(document.paths['/api/supervisors/{id}/{action}'].post?.['x-tributary-role']).toEqual({
      action: { suspend: 'operator', resume: 'operator', reset: 'admin', terminate: 'admin', resetOffsets: 'admin', handoff: 'operator' },
    });
  });

  it('says which answers stream JSON lines, and describes the answers that have a schema', () => {
    const ok = (url: string, method: 'get' | 'post') => document.paths[url][method]?.responses['200'] as OpenApiResponse;
    expect(Object.keys(ok('/api/query/sql', 'post').content ?? {})).toEqual(['application/x-ndjson']);
    expect(Object.keys(ok('/api/kafka/topics/{topic}/sample', 'post').content ?? {})).toEqual(['application/x-ndjson']);
    expect(Object.keys(ok('/api/audit', 'get').content ?? {})).toEqual(['application/json', 'application/x-ndjson']);
    expect(ok('/api/supervisors', 'get').content?.['application/json'].schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['supervisors']) });
  });
});
