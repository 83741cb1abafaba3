// One wrapper for every route handler: parse params, query and body with zod, check access,
// bound the work with a deadline, and map every error to { error: { code, message } }.
// Uses only the web-standard Request/Response, so it stays free of any framework.
import { z, type ZodType } from 'zod';
import { ApiError, errorBody, isApiErrorSource, type ApiErrorInfo } from './api-error';
import { admit, authorize, clientAddressOf, type Access } from './access';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './body';
import { checkRequestSource } from './origin';
import type { Identity, Role } from './identity';

export interface RouteContext<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly request: Request;
  /** Who is asking, as the access settings recognised them. */
  readonly identity: Identity;
  /** The client's address as the server saw it, for the audit trail; null when unknown. */
  readonly clientAddress: string | null;
  /** Aborted when the client goes away or the route's deadline passes. */
  readonly signal: AbortSignal;
}

export interface RouteOptions<P, Q, B> {
  readonly params?: ZodType<P>;
  readonly query?: ZodType<Q>;
  readonly body?: ZodType<B>;
  /**
   * The least role that may call the route: viewer when absent; 'anyone' for what a visitor who is
   * not signed in may do (sign in). A function of the path parameters when they decide it.
   */
  readonly role?: Role | 'anyone' | ((params: P) => Role);
  /** What the route does, for a refusal: "Terminate needs the admin role; you are an operator." */
  readonly what?: string | ((params: P) => string);
  /** One line saying what the route does, in a user's words: its summary in GET /api/openapi.json. */
  readonly summary?: string;
  /** What a successful answer holds, for the API description: the schema of its JSON, or its status and media type. */
  readonly response?: ZodType | RouteResponse | readonly RouteResponse[];
  readonly timeoutMs?: number;
  /** Access settings; resolved lazily so a route module can load before config is valid. Everyone is admin without. */
  readonly access?: () => Access;
  /** The address that connected to the server, never a header a client wrote; null when unknown. */
  readonly peer?: (request: Request) => string | null;
  /** The body size limit and the public origin (TRIBUTARY_MAX_BODY_MB, TRIBUTARY_PUBLIC_URL); resolved lazily too. */
  readonly http?: () => RouteHttpSettings;
  /** Told of each request the route turns down (400, 401, 403, 413, 415) before it answers: the audit trail. */
  readonly onRefused?: (refusal: Refusal) => Promise<void> | void;
}

export interface RouteResponse {
  /** 200 unless said; 204 for an answer without a body. */
  readonly status?: number;
  /** application/json unless said; for a stream of JSON lines (application/x-ndjson) the schema is a line's. */
  readonly mediaType?: string;
  readonly schema?: ZodType;
  readonly description?: string;
}

/** What route() keeps of its options on the handler it returns, so the API description is built from the handlers. */
export interface RouteDescription {
  readonly params?: ZodType;
  readonly query?: ZodType;
  readonly body?: ZodType;
  readonly role: Role | 'anyone' | ((params: Record<string, string>) => Role);
  readonly what?: string | ((params: Record<string, string>) => string);
  readonly summary?: string;
  readonly response?: ZodType | RouteResponse | readonly RouteResponse[];
}

export type RouteHandler = ((request: Request, context?: NextContext) => Promise<Response>) & { readonly route: RouteDescription };

export interface Refusal {
  readonly request: Request;
  /** Null when the request was turned down before its sender was recognised. */
  readonly identity: Identity | null;
  readonly clientAddress: string | null;
  /** As thrown, so a handler that recorded its own refusal can say so. */
  readonly error: unknown;
  readonly info: ApiErrorInfo;
  readonly durationMs: number;
}

const REFUSED_STATUSES = new Set([400, 401, 403, 413, 415]);

export interface RouteHttpSettings {
  readonly maxBodyBytes: number;
  readonly publicOrigin?: string;
}

type NextContext = { params?: Promise<Record<string, string | string[]>> | Record<string, string | string[]> };

const DEFAULT_TIMEOUT_MS = 30_000;

export function route<P = undefined, Q = undefined, B = undefined>(
  options: RouteOptions<P, Q, B>,
  handler: (context: RouteContext<P, Q, B>) => Promise<Response | unknown>,
): RouteHandler {
  const handle = async (request: Request, context?: NextContext): Promise<Response> => {
    const deadline = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = AbortSignal.any([request.signal, deadline]);
    const startedAt = Date.now();
    let sender: Pick<Refusal, 'identity' | 'clientAddress'> = { identity: null, clientAddress: null };
    try {
      const http = options.http?.();
      checkRequestSource(request, { publicOrigin: http?.publicOrigin });
      const access = options.access?.();
      const peer = options.peer?.(request) ?? null;
      const clientAddress = clientAddressOf(request, peer, access?.config);
      sender = { identity: null, clientAddress };
      const identity = await admit(request, access, peer, options.role === 'anyone');
      sender = { identity, clientAddress };
      const rawParams = context?.params ? await context.params : {};
      const params = parseInput(options.params, rawParams, 'path');
      const need = typeof options.role === 'function' ? options.role(params) : (options.role ?? 'viewer');
      if (need !== 'anyone') authorize(identity, need, access?.config.readOnly ?? false, typeof options.what === 'function' ? options.what(params) : options.what);
      const query = parseInput(options.query, Object.fromEntries(new URL(request.url).searchParams), 'query');
      const body = options.body ? parseInput(options.body, await readJsonBody(request, http?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES), 'body') : (undefined as B);
      const result = await handler({ params, query, body, request, identity, clientAddress, signal });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      if (deadline.aborted && !isApiErrorSource(error)) {
        return errorResponse({ status: 504, code: 'timeout', message: `The request took longer than ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s and was stopped.` });
      }
      const info = describe(error);
      if (options.onRefused && REFUSED_STATUSES.has(info.status)) {
        try {
          await options.onRefused({ request, ...sender, error, info, durationMs: Date.now() - startedAt });
        } catch (failure) {
          console.error(failure);
        }
      }
      return errorResponse(info);
    }
  };
  const { params, query, body, what, summary, response } = options;
  const description = { params, query, body, role: options.role ?? 'viewer', what, summary, response } as RouteDescription;
  return Object.defineProperty(handle, 'route', { value: Object.freeze(description), enumerable: false }) as RouteHandler;
}

export function errorResponse(info: ApiErrorInfo): Response {
  return Response.json(errorBody(info), { status: info.status });
}

function describe(error: unknown): ApiErrorInfo {
  if (isApiErrorSource(error)) return error.toApiError();
  // Unexpected failures: say so plainly, keep the stack in the server log only.
  console.error(error);
  return { status: 500, code: 'internal', message: `Tributary failed unexpectedly: ${(error as Error)?.message ?? String(error)}` };
}

function parseInput<T>(schema: ZodType<T> | undefined, value: unknown, where: 'path' | 'query' | 'body'): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiError(400, 'invalid_input', describeIssues(parsed.error, where), {
    issues: parsed.error.issues.map((issue) => ({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message })),
  });
}

export function describeIssues(error: z.ZodError, where: string): string {
  const first = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length ? `${where}.${issue.path.join('.')}` : where;
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `Invalid request ${first.join('; ')}${more}`;
}
