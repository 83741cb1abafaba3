// One error type for everything that can go wrong talking to Druid, and its
// mapping to the app's `{ error: { code, message, details } }` JSON.

/** The Druid process that was called. With a Router in front, the Router. */
export type DruidService = 'Overlord' | 'Broker' | 'Coordinator' | 'Router';

export type DruidErrorKind =
  /** Druid answered with an error status (its error code, class and message are kept). */
  | 'http'
  /** 401 or 403: Tributary's Druid credentials were refused or lack a permission. */
  | 'auth'
  /** 404: no such supervisor, task or query. */
  | 'not-found'
  | 'timeout'
  /** Connection refused or reset, unknown host: nothing answered. */
  | 'unreachable'
  /** The TLS handshake failed (untrusted certificate, wrong protocol). */
  | 'tls'
  /** A 2xx body that is not what Druid sends (not JSON, cut off mid-stream, wrong shape). */
  | 'invalid-response'
  /** The caller aborted the request. */
  | 'cancelled';

export interface DruidErrorInit {
  readonly kind: DruidErrorKind;
  readonly message: string;
  readonly service: DruidService;
  /** Base URL of the service actually called (after any leader redirect). */
  readonly url: string;
  readonly method: string;
  /** Path and query string, e.g. /druid/indexer/v1/supervisor/wiki/status. */
  readonly path: string;
  readonly status?: number;
  /** Druid's error code: `errorCode` (DruidException) or the legacy `error` ("SQL parse failed"). */
  readonly druidCode?: string;
  readonly errorClass?: string;
  /** DruidException category, e.g. INVALID_INPUT. */
  readonly category?: string;
  /** Druid's complete message, when `message` is a shortened form of it. */
  readonly druidMessage?: string;
  readonly context?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

export class DruidError extends Error {
  readonly kind: DruidErrorKind;
  readonly service: DruidService;
  readonly url: string;
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly druidCode?: string;
  readonly errorClass?: string;
  readonly category?: string;
  readonly druidMessage?: string;
  readonly context?: Readonly<Record<string, unknown>>;

  constructor(init: DruidErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DruidError';
    this.kind = init.kind;
    this.service = init.service;
    this.url = init.url;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.druidCode = init.druidCode;
    this.errorClass = init.errorClass;
    this.category = init.category;
    this.druidMessage = init.druidMessage;
    this.context = init.context;
  }

  /** The app's { status, code, message, details } for this error (lib/http maps it to a response). */
  toApiError(): { status: number; code: string; message: string; details?: unknown } {
    const { status, body } = toApiError(this);
    return { status, ...body.error };
  }
}

export function isDruidError(error: unknown): error is DruidError {
  return error instanceof DruidError;
}

export interface ApiError {
  readonly status: number;
  readonly body: {
    readonly error: { readonly code: string; readonly message: string; readonly details: Readonly<Record<string, unknown>> };
  };
}

/**
 * What the app returns for a DruidError. Druid's own 4xx pass through, because
 * they are about the request (bad SQL, unknown supervisor). A 401 becomes 502:
 * it means Tributary's configured Druid credentials are wrong, and passing it on
 * would tell the browser to log in to Tributary again.
 */
export function toApiError(error: DruidError): ApiError {
  const [status, code] = statusAndCode(error);
  const details = Object.fromEntries(
    Object.entries({
      service: error.service,
      url: error.url,
      method: error.method,
      path: error.path,
      druidStatus: error.status,
      druidCode: error.druidCode,
      errorClass: error.errorClass,
      category: error.category,
      druidMessage: error.druidMessage,
      context: error.context,
    }).filter(([, value]) => value !== undefined),
  );
  return { status, body: { error: { code, message: error.message, details } } };
}

function statusAndCode(error: DruidError): [number, string] {
  switch (error.kind) {
    case 'unreachable':
      return [502, 'druid_unreachable'];
    case 'tls':
      return [502, 'druid_tls'];
    case 'timeout':
      return [504, 'druid_timeout'];
    case 'invalid-response':
      return [502, 'druid_invalid_response'];
    // 499: the client went away (nginx's convention); nobody reads this response.
    case 'cancelled':
      return [499, 'druid_cancelled'];
    case 'not-found':
      return [404, 'druid_not_found'];
    case 'auth':
      return error.status === 403 ? [403, 'druid_forbidden'] : [502, 'druid_auth'];
    case 'http':
      return httpStatusAndCode(error.status ?? 500);
  }
}

function httpStatusAndCode(status: number): [number, string] {
  if (status === 400) return [400, 'druid_invalid_input'];
  if (status === 409) return [409, 'druid_conflict'];
  if (status === 429) return [429, 'druid_capacity_exceeded'];
  if (status >= 400 && status < 500) return [status, 'druid_rejected'];
  if (status === 501) return [501, 'druid_unsupported'];
  if (status === 504) return [504, 'druid_timeout'];
  return [502, 'druid_error'];
}
