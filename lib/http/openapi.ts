// GET /api/openapi.json's document, built from the route handlers themselves: route() keeps each
// route's zod schemas, role and summary on its handler (RouteDescription), and zod 4's own
// JSON Schema output (z.toJSONSchema, draft 2020-12, the dialect OpenAPI 3.1 uses) describes them.
// Nothing here is kept by hand beside the routes, so the description cannot drift from what they parse.
import { z, type ZodType } from 'zod';
import { SESSION_COOKIE } from './access';
import type { Role } from './identity';
import type { RouteDescription, RouteResponse } from './route';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A stream of JSON values, one a line; its schema in the document is a line's. */
export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

export type JsonSchema = { readonly [key: string]: unknown };

/** One route module as the registry lists it: its URL path ("/api/supervisors/{id}"), its area, its exports. */
export interface ApiRouteModule {
  readonly path: string;
  /** Where the route belongs for a reader: Kafka, Load, Supervisors, Query… */
  readonly area: string;
  readonly module: object;
}

export interface ApiRouteEntry {
  readonly path: string;
  readonly method: HttpMethod;
  readonly area: string;
  readonly route: RouteDescription;
}

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly description?: string;
  readonly schema: JsonSchema;
}

export interface OpenApiMediaType {
  readonly schema?: JsonSchema;
}

export interface OpenApiResponse {
  readonly description: string;
  readonly content?: Readonly<Record<string, OpenApiMediaType>>;
}

/** In OpenAPI 3.1 a reference may carry its own description. */
export type OpenApiRef = { readonly $ref: string; readonly description?: string };

/**
 * The role a route needs: one role, or one per value of the path parameter that decides it;
 * 'per-request' where the handler decides from more than one parameter.
 */
export type RoleNeeded = Role | 'anyone' | 'per-request' | { readonly [param: string]: { readonly [value: string]: Role } };

export interface OpenApiOperation {
  readonly operationId: string;
  readonly tags: readonly string[];
  readonly summary?: string;
  readonly description: string;
  readonly parameters?: readonly OpenApiParameter[];
  readonly requestBody?: { readonly required: boolean; readonly description?: string; readonly content: Readonly<Record<string, OpenApiMediaType>> };
  readonly responses: Readonly<Record<string, OpenApiResponse | OpenApiRef>>;
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
  readonly 'x-tributary-role': RoleNeeded;
}

export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly tags: readonly { readonly name: string }[];
  readonly security: readonly Readonly<Record<string, readonly string[]>>[];
  readonly paths: Readonly<Record<string, Readonly<Partial<Record<Lowercase<HttpMethod>, OpenApiOperation>>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly responses: Readonly<Record<string, OpenApiResponse>>;
    readonly securitySchemes: Readonly<Record<string, JsonSchema>>;
  };
}

/** The routes of every module, one entry per exported HTTP method that route() built. */
export function routeEntries(modules: readonly ApiRouteModule[]): ApiRouteEntry[] {
  return modules.flatMap(({ path, area, module }) =>
    HTTP_METHODS.flatMap((method) => {
      const route = describedRoute((module as Partial<Record<HttpMethod, unknown>>)[method]);
      return route ? [{ path, method, area, route }] : [];
    }),
  );
}

/** What route() attached to a handler; undefined for anything else. */
export function describedRoute(handler: unknown): RouteDescription | undefined {
  return typeof handler === 'function' ? (handler as { route?: RouteDescription }).route : undefined;
}

const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('Stable and machine-readable: invalid_input, unauthorized, forbidden, not_found, timeout…'),
    message: z.string().describe('What went wrong and, for bad input, where: "Invalid request body.limit: must be at most 10000".'),
    details: z.unknown().optional().describe('More about it where there is more, such as every invalid field as { path, message }.'),
  }),
});

const ERROR_REF: OpenApiRef = { $ref: '#/components/responses/Error' };

const INFO_DESCRIPTION = [
  "Tributary's HTTP API: the routes its own pages use, for scripts too.",
  'Every error is JSON { "error": { "code", "message", "details"? } } with a fitting status.',
  'Who may call what depends on TRIBUTARY_AUTH: in open mode nobody signs in and everyone is admin; with users, send the session cookie of POST /api/session or HTTP Basic credentials; behind a sign-in proxy, the proxy names the user.',
  'Roles: viewer < operator < admin; TRIBUTARY_READ_ONLY caps every role at viewer.',
  'A change (anything but GET) must be sent as application/json, and from a script that sends no Origin or from Tributary\'s own pages.',
].join('\n\n');

export interface OpenApiInfo {
  readonly title?: string;
  readonly version: string;
}

export function buildOpenApi(entries: readonly ApiRouteEntry[], info: OpenApiInfo): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = { Error: jsonSchemaOf(ErrorBodySchema, 'output', 'Error', {}) };
  const paths: Record<string, Partial<Record<Lowercase<HttpMethod>, OpenApiOperation>>> = {};
  const tags: string[] = [];
  for (const entry of entries) {
    if (!tags.includes(entry.area)) tags.push(entry.area);
    (paths[entry.path] ??= {})[entry.method.toLowerCase() as Lowercase<HttpMethod>] = operationOf(entry, schemas);
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title ?? 'Tributary', version: info.version, description: INFO_DESCRIPTION },
    tags: tags.map((name) => ({ name })),
    // No credentials at all is one way in: open mode, and a sign-in proxy that adds its own headers.
    security: [{}, { session: [] }, { basic: [] }],
    paths,
    components: {
      schemas,
      responses: { Error: { description: 'An error, said in words.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'TRIBUTARY_AUTH=users: the session cookie POST /api/session sets.' },
        basic: { type: 'http', scheme: 'basic', description: "TRIBUTARY_AUTH=users: a user's name and password from the users file, for scripts." },
      },
    },
  };
}

function operationOf({ path, method, area, route }: ApiRouteEntry, components: Record<string, JsonSchema>): OpenApiOperation {
  const operationId = operationIdOf(method, path);
  const parameters = [...parametersOf(route.params, 'path', path, `${operationId}.path`, components), ...parametersOf(route.query, 'query', path, `${operationId}.query`, components)];
  const role = roleNeeded(route);
  const needsCredentials = role !== 'anyone';
  const responses: Record<string, OpenApiResponse | OpenApiRef> = { ...successResponses(route.response, `${operationId}.response`, components) };
  if (parameters.length > 0 || route.body) responses['400'] = { ...ERROR_REF, description: 'Invalid input: the message names each field and where it is (path, query or body).' };
  if (needsCredentials) {
    responses['401'] = { ...ERROR_REF, description: 'Not signed in, or the credentials are wrong.' };
    responses['403'] = { ...ERROR_REF, description: 'The role may not do this (the message names the role needed), or the request came from another site.' };
  }
  if (route.body) responses['413'] = { ...ERROR_REF, description: 'The body is larger than TRIBUTARY_MAX_BODY_MB.' };
  responses['5XX'] = { ...ERROR_REF, description: 'Tributary, Kafka or Druid failed or did not answer in time; the message says which.' };
  return {
    operationId,
    tags: [area],
    ...(route.summary ? { summary: route.summary } : {}),
    description: roleSentence(role),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: requestBodyOf(route.body, `${operationId}.body`, components) } : {}),
    responses,
    ...(needsCredentials ? {} : { security: [] }),
    'x-tributary-role': role,
  };
}

/** "post" + "SupervisorsByIdByAction" for POST /api/supervisors/{id}/{action}. */
export function operationIdOf(method: HttpMethod, path: string): string {
  const words = path
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const variable = /^\{(.+)\}$/.exec(segment);
      return variable ? ['by', ...wordsOf(variable[1])] : wordsOf(segment);
    });
  return method.toLowerCase() + words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
}

function wordsOf(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

function parametersOf(schema: ZodType | undefined, where: 'path' | 'query', path: string, name: string, components: Record<string, JsonSchema>): OpenApiParameter[] {
  const object = schema ? jsonSchemaOf(schema, 'input', name, components) : {};
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  const parameters = Object.entries(properties).map(([key, property]): OpenApiParameter => {
    const { description, ...rest } = property;
    return { name: key, in: where, required: where === 'path' || required.has(key), ...(typeof description === 'string' ? { description } : {}), schema: rest };
  });
  if (where === 'path') {
    // OpenAPI wants every {name} of the path declared, even where the route does not parse it.
    for (const [, key] of path.matchAll(/\{([^}]+)\}/g)) {
      if (!(key in properties)) parameters.push({ name: key, in: 'path', required: true, schema: { type: 'string' } });
    }
  }
  return parameters;
}

function requestBodyOf(schema: ZodType, name: string, components: Record<string, JsonSchema>): NonNullable<OpenApiOperation['requestBody']> {
  // An empty body reads as {} (lib/http/body.ts): the body is optional when {} passes.
  const required = !safelyParses(schema, {});
  return { required, content: { 'application/json': { schema: jsonSchemaOf(schema, 'input', name, components) } } };
}

function safelyParses(schema: ZodType, value: unknown): boolean {
  try {
    return schema.safeParse(value).success;
  } catch {
    return false;
  }
}

function successResponses(response: RouteDescription['response'], name: string, components: Record<string, JsonSchema>): Record<string, OpenApiResponse> {
  const answers: readonly RouteResponse[] = response === undefined ? [{}] : isZodType(response) ? [{ schema: response }] : Array.isArray(response) ? response : [response as RouteResponse];
  const byStatus: Record<string, { description: string; content: Record<string, OpenApiMediaType> }> = {};
  answers.forEach((answer, index) => {
    const status = String(answer.status ?? 200);
    const slot = (byStatus[status] ??= { description: '', content: {} });
    const mediaType = answer.mediaType ?? 'application/json';
    const said = answer.description ?? (mediaType === NDJSON_MEDIA_TYPE ? 'A stream of JSON lines, each one of the objects described here.' : status === '204' ? 'Done; no body.' : 'OK');
    slot.description = slot.description ? `${slot.description} ${said}` : said;
    if (status !== '204') slot.content[mediaType] = answer.schema ? { schema: jsonSchemaOf(answer.schema, 'output', `${name}${index || ''}`, components) } : {};
  });
  return Object.fromEntries(Object.entries(byStatus).map(([status, { description, content }]) => [status, Object.keys(content).length > 0 ? { description, content } : { description }]));
}

function isZodType(value: unknown): value is ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/**
 * zod's JSON Schema of `schema`, or {} (any value) for what JSON Schema cannot say (transforms,
 * custom checks). Definitions zod puts in $defs (shared or recursive parts) move to components,
 * where a $ref inside the OpenAPI document can reach them.
 */
export function jsonSchemaOf(schema: ZodType, io: 'input' | 'output', name: string, components: Record<string, JsonSchema>): JsonSchema {
  let generated: Record<string, unknown>;
  try {
    generated = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  } catch (error) {
    return { description: `Not describable as JSON Schema: ${(error as Error).message}` };
  }
  const { $schema: _dialect, $defs, ...root } = generated;
  const defs = ($defs ?? {}) as Record<string, unknown>;
  const refersToRoot = JSON.stringify(root).includes('"$ref":"#"');
  if (Object.keys(defs).length === 0 && !refersToRoot) return root;
  const componentName = (def: string) => `${name}.${def.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        if (key !== '$ref' || typeof inner !== 'string') return [key, rewrite(inner)];
        if (inner === '#') return [key, `#/components/schemas/${name}`];
        return [key, inner.startsWith('#/$defs/') ? `#/components/schemas/${componentName(inner.slice('#/$defs/'.length))}` : inner];
      }),
    );
  };
  for (const [def, value] of Object.entries(defs)) components[componentName(def)] = rewrite(value) as JsonSchema;
  const rewritten = rewrite(root) as JsonSchema;
  if (!refersToRoot) return rewritten;
  components[name] = rewritten;
  return { $ref: `#/components/schemas/${name}` };
}

/** The role a route needs; for a role decided by a path parameter, the role of each of its values. */
export function roleNeeded(route: RouteDescription): RoleNeeded {
  if (typeof route.role !== 'function') return route.role;
  const decide = route.role;
  const params = route.params ? jsonSchemaOf(route.params, 'input', 'params', {}) : {};
  for (const [param, property] of Object.entries((params.properties ?? {}) as Record<string, JsonSchema>)) {
    const values = property.enum;
    if (!Array.isArray(values) || values.length === 0) continue;
    try {
      return { [param]: Object.fromEntries(values.map((value) => [String(value), decide({ [param]: String(value) })])) };
    } catch {
      // The role depends on more than this parameter: try the next one.
    }
  }
  return 'per-request';
}

/** "Needs the operator role.", or per value: "suspend, resume and handoff need the operator role; …". */
export function roleSentence(role: RoleNeeded): string {
  if (role === 'anyone') return 'Open to anyone, signed in or not.';
  if (role === 'per-request') return 'The role needed depends on the request.';
  if (typeof role === 'string') return `Needs the ${role} role.`;
  const [param, roles] = Object.entries(role)[0] ?? ['', {}];
  const byRole = new Map<Role, string[]>();
  for (const [value, need] of Object.entries(roles)) byRole.set(need, [...(byRole.get(need) ?? []), value]);
  const parts = [...byRole].map(([need, values]) => `${listOf(values)} ${values.length > 1 ? 'need' : 'needs'} the ${need} role`);
  return `The role depends on the ${param}: ${parts.join('; ')}.`;
}

function listOf(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}
