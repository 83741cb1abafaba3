// One wrapper for every route handler: parse params, query and body with zod, check access,
// bound the work with a deadline, and map every error to { error: { code, message } }.
// Uses only the web-standard Request/Response, so it stays free of any framework.
import { z, type ZodType } from 'zod';
import { ApiError, errorBody, isApiErrorSource, type ApiErrorInfo } from './api-error';
import { checkAccess, type AccessConfig } from './access';
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
  /** Actions that change Kafka or Druid; refused when the app runs read-only. */
  readonly mutates?: boolean;
  /** The least role that may call the route; viewer when absent. */
  readonly role?: Role;
  readonly timeoutMs?: number;
  /** Access settings; resolved lazily so a route module can load before config is valid. */
  readonly access?: () => AccessConfig;
  /** The body size limit and the public origin (TRIBUTARY_MAX_BODY_MB, TRIBUTARY_PUBLIC_URL); resolved lazily too. */
  readonly http?: () => RouteHttpSettings;
}

export interface RouteHttpSettings {
  readonly maxBodyBytes: number;
  readonly publicOrigin?: string;
}

type NextContext = { params?: Promise<Record<string, string | string[]>> | Record<string, string | string[]> };

const DEFAULT_TIMEOUT_MS = 30_000;

export function route<P = undefined, Q = undefined, B = undefined>(
  options: RouteOptions<P, Q, B>,
  handler: (context: RouteContext<P, Q, B>) => Promise<Response | unknown>,
): (request: Request, context?: NextContext) => Promise<Response> {
  return async (request, context) => {
    const deadline = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = AbortSignal.any([request.signal, deadline]);
    try {
      const http = options.http?.();
      checkRequestSource(request, { publicOrigin: http?.publicOrigin });
      const identity: Identity = options.access
        ? checkAccess(request, options.access(), options.mutates ?? false)
        : { user: null, role: 'admin', via: 'open' };
      const clientAddress = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || null;
      const rawParams = context?.params ? await context.params : {};
      const params = parseInput(options.params, rawParams, 'path');
      const query = parseInput(options.query, Object.fromEntries(new URL(request.url).searchParams), 'query');
      const body = options.body ? parseInput(options.body, await readJsonBody(request, http?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES), 'body') : (undefined as B);
      const result = await handler({ params, query, body, request, identity, clientAddress, signal });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      if (deadline.aborted && !isApiErrorSource(error)) {
        return errorResponse({ status: 504, code: 'timeout', message: `The request took longer than ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s and was stopped.` });
      }
      return errorResponse(describe(error));
    }
  };
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
