import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApi, jsonSchemaOf, NDJSON_MEDIA_TYPE, operationIdOf, routeEntries, type OpenApiDocument, type OpenApiRef, type OpenApiResponse } from './openapi';
import { route } from './route';

const ok = async () => ({});

const Action = z.object({ id: z.string().min(1), action: z.enum(['suspend', 'terminate']) });
const Line = z.discriminatedUnion('type', [z.object({ type: z.literal('row'), values: z.array(z.unknown()) }), z.object({ type: z.literal('end'), count: z.number().int() })]);

const supervisors = {
  GET: route({ summary: 'List supervisors', query: z.object({ state: z.enum(['RUNNING', 'SUSPENDED']).optional().describe('Only supervisors in this state'), limit: z.coerce.number().int().max(50) }), response: z.object({ ids: z.array(z.string()) }) }, ok),
  POST: route({ summary: 'Submit a spec', role: 'operator', body: z.object({ spec: z.record(z.string(), z.unknown()), suspended: z.boolean().default(false) }) }, ok),
};
const action = { POST: route({ summary: 'Act on a supervisor', params: Action, role: ({ action }) => (action === 'terminate' ? 'admin' : 'operator') }, ok) };
const stream = { POST: route({ summary: 'Stream rows', body: z.object({ limit: z.number().default(10) }), response: { mediaType: NDJSON_MEDIA_TYPE, schema: Line } }, ok) };
const session = { DELETE: route({ summary: 'Sign out', role: 'anyone', response: { status: 204 } }, ok), dynamic: 'force-dynamic' };
const topic = { GET: route({ summary: 'One topic' }, ok) };

const doc = buildOpenApi(
  routeEntries([
    { path: '/api/supervisors', area: 'Supervisors', module: supervisors },
    { path: '/api/supervisors/{id}/{action}', area: 'Supervisors', module: action },
    { path: '/api/rows', area: 'Query', module: stream },
    { path: '/api/session', area: 'Access', module: session },
    { path: '/api/topics/{topic}', area: 'Kafka', module: topic },
  ]),
  { version: '1.2.3' },
);

/** Every $ref of the document, each of which must lead somewhere inside it. */
function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refsOf(inner)));
}
function resolve(document: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], document);
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with the version given, every route once, grouped by area in order of appearance', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Tributary', version: '1.2.3' });
    expect(doc.tags.map((tag) => tag.name)).toEqual(['Supervisors', 'Query', 'Access', 'Kafka']);
    expect(Object.keys(doc.paths)).toEqual(['/api/supervisors', '/api/supervisors/{id}/{action}', '/api/rows', '/api/session', '/api/topics/{topic}']);
    expect(Object.keys(doc.paths['/api/supervisors'])).toEqual(['get', 'post']);
    // Only HTTP methods become operations; a module's other exports do not.
    expect(Object.keys(doc.paths['/api/session'])).toEqual(['delete']);
    expect(doc.paths['/api/supervisors/{id}/{action}'].post).toMatchObject({ operationId: 'postSupervisorsByIdByAction', tags: ['Supervisors'], summary: 'Act on a supervisor' });
  });

  it('lists query and path parameters from their schemas, required or not, with their descriptions', () => {
    expect(doc.paths['/api/supervisors'].get?.parameters).toEqual([
      { name: 'state', in: 'query', required: false, description: 'Only supervisors in this state', schema: { type: 'string', enum: ['RUNNING', 'SUSPENDED'] } },
      { name: 'limit', in: 'query', required: true, schema: expect.objectContaining({ type: 'integer', maximum: 50 }) },
    ]);
    expect(doc.paths['/api/supervisors/{id}/{action}'].post?.parameters?.map(({ name, in: where, required }) => [name, where, required])).toEqual([
      ['id', 'path', true],
      ['action', 'path', true],
    ]);
    // A path variable the route does not parse is still declared, as OpenAPI requires.
    expect(doc.paths['/api/topics/{topic}'].get?.parameters).toEqual([{ name: 'topic', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  it('describes a body as the client sends it: defaults shown, and optional when an empty body passes', () => {
    const submit = doc.paths['/api/supervisors'].post?.requestBody;
    expect(submit?.required).toBe(true);
    expect(submit?.content['application/json'].schema).toMatchObject({ type: 'object', required: ['spec'], properties: { suspended: { type: 'boolean', default: false } } });
    expect(doc.paths['/api/rows'].post?.requestBody?.required).toBe(false);
    expect(doc.paths['/api/supervisors'].get?.requestBody).toBeUndefined();
  });

  it('describes answers: a JSON schema, a stream of JSON lines by its media type, no body for 204', () => {
    const list = doc.paths['/api/supervisors'].get?.responses['200'] as OpenApiResponse;
    expect(list.content?.['application/json'].schema).toMatchObject({ type: 'object', properties: { ids: { type: 'array', items: { type: 'string' } } } });
    const rows = doc.paths['/api/rows'].post?.responses['200'] as OpenApiResponse;
    expect(Object.keys(rows.content ?? {})).toEqual([NDJSON_MEDIA_TYPE]);
    expect(rows.description).toContain('JSON lines');
    expect(rows.content?.[NDJSON_MEDIA_TYPE].schema).toHaveProperty('oneOf');
    expect(doc.paths['/api/session'].delete?.responses['204']).toEqual({ description: 'Done; no body.' });
    // A route that does not describe its answer still says it is JSON.
    expect(doc.paths['/api/topics/{topic}'].get?.responses['200']).toEqual({ description: 'OK', content: { 'application/json': {} } });
  });

  it("names each route's role, per action where the action decides it", () => {
    expect(doc.paths['/api/supervisors'].get).toMatchObject({ 'x-tributary-role': 'viewer', description: 'Needs the viewer role.' });
    expect(doc.paths['/api/supervisors'].post).toMatchObject({ 'x-tributary-role': 'operator', description: 'Needs the operator role.' });
    expect(doc.paths['/api/supervisors/{id}/{action}'].post).toMatchObject({
      'x-tributary-role': { action: { suspend: 'operator', terminate: 'admin' } },
      description: 'The role depends on the action: suspend needs the operator role; terminate needs the admin role.',
    });
    const signOut = doc.paths['/api/session'].delete;
    expect(signOut).toMatchObject({ 'x-tributary-role': 'anyone', security: [] });
    expect(Object.keys(signOut?.responses ?? {})).toEqual(['204', '5XX']);
  });

  it('gives every error the one shared shape, and offers the session cookie and Basic credentials', () => {
    const refusals = doc.paths['/api/supervisors'].post?.responses ?? {};
    expect(Object.keys(refusals)).toEqual(['200', '400', '401', '403', '413', '5XX']);
    expect((refusals['403'] as OpenApiRef).$ref).toBe('#/components/responses/Error');
    expect(doc.components.schemas.Error).toMatchObject({
      type: 'object',
      required: ['error'],
      properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
    });
    expect(doc.components.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'tributary_session' }),
      basic: expect.objectContaining({ type: 'http', scheme: 'basic' }),
    });
    expect(doc.security).toEqual([{}, { session: [] }, { basic: [] }]);
  });

  it('is plain JSON whose every $ref leads somewhere in it', () => {
    const copy = JSON.parse(JSON.stringify(doc)) as OpenApiDocument;
    expect(copy).toEqual(doc);
    for (const ref of refsOf(doc)) expect(resolve(doc, ref), ref).toBeDefined();
  });
});

describe('JSON Schema of a zod schema', () => {
  it('says "any value" for what JSON Schema cannot express, instead of failing', () => {
    const components = {};
    expect(jsonSchemaOf(z.custom<Date>((value) => value instanceof Date), 'output', 'when', components)).toEqual({});
    expect(jsonSchemaOf(z.string().transform((text) => text.length), 'output', 'length', components)).toEqual({});
    // The input side of a transform is what a client sends.
    expect(jsonSchemaOf(z.string().transform((text) => text.length), 'input', 'length', components)).toEqual({ type: 'string' });
    expect(jsonSchemaOf(z.object({ at: z.date(), big: z.bigint() }), 'output', 'odd', components)).toMatchObject({ type: 'object', properties: { at: {}, big: {} } });
  });

  it('moves recursive parts to components, where the document can refer to them', () => {
    type Tree = { name: string; children: Tree[] };
    const TreeSchema: z.ZodType<Tree> = z.lazy(() => z.object({ name: z.string(), children: z.array(TreeSchema) }));
    const components: Record<string, Record<string, unknown>> = {};
    const schema = jsonSchemaOf(z.object({ root: TreeSchema }), 'output', 'getTree.response', components);
    const document = { components: { schemas: components }, schema };
    expect(Object.keys(components).length).toBeGreaterThan(0);
    expect(JSON.stringify(document)).not.toContain('#/$defs/');
    for (const ref of refsOf(document)) expect(resolve(document, ref), ref).toBeDefined();
  });
});

describe('operation ids', () => {
  it('follow the method and path', () => {
    expect(operationIdOf('GET', '/api/kafka/topics/{topic}')).toBe('getKafkaTopicsByTopic');
    expect(operationIdOf('GET', '/api/openapi.json')).toBe('getOpenapiJson');
    expect(operationIdOf('DELETE', '/api/query/sql/{queryId}')).toBe('deleteQuerySqlByQueryId');
  });
});
