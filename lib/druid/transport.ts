// HTTP to Druid: picks the service URL, authenticates, follows an Overlord's
// redirect to its leader (on a configured origin only), applies per-call timeouts, retries idempotent reads,
// and turns every failure into a DruidError.
import { readFileSync } from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import type { z } from 'zod';
import type { DruidConfig } from '@/lib/config';
import {
  cancelledError,
  errorFromFailure,
  errorFromStatus,
  invalidResponseError,
  timeoutError,
  type CallSite,
} from './classify';
import { DruidError, type DruidService } from './errors';
import { parseDruidJson } from './json';

export type DruidTarget = 'overlord' | 'broker' | 'coordinator';

export interface FetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  redirect: 'manual';
  signal: AbortSignal;
  dispatcher?: unknown;
}
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface DruidClientOptions {
  /** Replaces undici's fetch; TLS settings from the config then are the replacement's business. */
  readonly fetch?: FetchLike;
  /** For GETs only: tries in all (default 3) and the first back-off delay, doubled each time (default 250 ms). */
  readonly retry?: { readonly attempts?: number; readonly baseDelayMs?: number };
  /** Leader redirects followed per call (default 3). */
  readonly maxRedirects?: number;
  /** Where each error answer from Druid is reported (default console.warn, i.e. the server's log). */
  readonly warn?: (line: string) => void;
}

/** What any single call may override. */
export interface CallOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface DruidCall extends CallOptions {
  readonly target: DruidTarget;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path with its query string. */
  readonly path: string;
  /** A JSON body, already serialized (see stringifyDruidJson). */
  readonly body?: string;
  /** Statuses besides 2xx that are answers, not errors (a supervisor's /health says 503 when unhealthy). */
  readonly answerStatuses?: readonly number[];
  /** The message for a 404, e.g. "Druid has no supervisor named wiki". */
  readonly notFoundMessage?: string;
}

export interface DruidAnswer {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly text: string;
  readonly site: CallSite;
}

export interface DruidStreamAnswer {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array>;
  readonly site: CallSite;
}

const READ_ATTEMPTS = 3;
const FIRST_RETRY_DELAY_MS = 250;
const MAX_LEADER_REDIRECTS = 3;
const LEADER_REDIRECTS = new Set([307, 308]);
/** What a Router or proxy says while a service restarts or its leader changes: worth another try for a read. */
const RETRYABLE_STATUSES = new Set([502, 503, 504]);

export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
}

export class DruidTransport {
  private agent: Agent | undefined;
  private origins: Set<string> | undefined;

  constructor(
    private readonly config: DruidConfig,
    private readonly options: DruidClientOptions = {},
  ) {}

  serviceFor(target: DruidTarget): { service: DruidService; baseUrl: string } {
    const baseUrl = { overlord: this.config.overlordUrl, broker: this.config.brokerUrl, coordinator: this.config.coordinatorUrl }[target];
    const service: DruidService =
      this.config.layout === 'router' ? 'Router' : ({ overlord: 'Overlord', broker: 'Broker', coordinator: 'Coordinator' } as const)[target];
    return { service, baseUrl: baseUrl.replace(/\/+$/, '') };
  }

  /** Sends a call; resolves with any 2xx (or listed) answer, rejects with a DruidError otherwise. */
  async send(call: DruidCall): Promise<DruidAnswer> {
    const { response, site, text } = await this.withRetries(call, () => this.attempt(call, false));
    return { status: response.status, headers: response.headers, text: text ?? '', site };
  }

  /**
   * Like send, but hands a 2xx body over unread, for results streamed row by row.
   * The timeout covers the wait for the answer to start; afterwards only the
   * caller's signal stops it.
   */
  async open(call: DruidCall): Promise<DruidStreamAnswer> {
    const { response, site } = await this.withRetries(call, () => this.attempt(call, true));
    if (!response.body) throw invalidResponseError(site, response.status, 'no body');
    return { status: response.status, headers: response.headers, body: response.body, site };
  }

  private async withRetries<T>(call: DruidCall, attempt: () => Promise<T>): Promise<T> {
    const attempts = call.method === 'GET' ? Math.max(1, this.options.retry?.attempts ?? READ_ATTEMPTS) : 1;
    const baseDelayMs = this.options.retry?.baseDelayMs ?? FIRST_RETRY_DELAY_MS;
    for (let tried = 1; ; tried++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof DruidError) || tried >= attempts || !isRetryable(error)) throw error;
        await sleep(baseDelayMs * 2 ** (tried - 1), call.signal, () => cancelledError(this.site(call)));
      }
    }
  }

  /** Sends a call and parses its JSON body with a schema. */
  async json<S extends z.ZodType>(call: DruidCall, schema: S): Promise<{ value: z.output<S>; answer: DruidAnswer }> {
    const answer = await this.send(call);
    return { value: parseAnswer(answer, schema), answer };
  }

  /** The configured Druid URLs' origins and the extra ones the admin listed: where redirects may lead. */
  private allowedOrigins(): ReadonlySet<string> {
    this.origins ??= new Set(
      [this.config.overlordUrl, this.config.brokerUrl, this.config.coordinatorUrl, ...(this.config.allowedOrigins ?? [])].flatMap((u) => {
        const parsed = parseLocation(u);
        return parsed ? [parsed.origin] : [];
      }),
    );
    return this.origins;
  }

  close(): Promise<void> {
    const agent = this.agent;
    this.agent = undefined;
    return agent ? agent.close() : Promise.resolve();
  }

  private site(call: DruidCall, url?: URL): CallSite {
    const { service, baseUrl } = this.serviceFor(call.target);
    return {
      service,
      url: url ? url.origin : baseUrl,
      method: call.method,
      path: call.path,
      username: this.config.auth?.username,
    };
  }

  private async attempt(call: DruidCall, stream: boolean): Promise<{ response: FetchResponse; site: CallSite; text?: string }> {
    const timeoutMs = call.timeoutMs ?? this.config.timeoutMs;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout.signal]) : timeout.signal;
    let url = new URL(`${this.serviceFor(call.target).baseUrl}${call.path}`);
    let site = this.site(call);
    const maxRedirects = this.options.maxRedirects ?? MAX_LEADER_REDIRECTS;
    try {
      for (let hop = 0; ; hop++) {
        const response = await this.fetchOnce(url, call, signal, site);
        const location = response.headers.get('location');
        if (LEADER_REDIRECTS.has(response.status) && location) {
          // The Overlord (and Coordinator) that is not the leader answers 307 to the leader.
          // Followed here rather than by fetch: fetch drops the Authorization header on a
          // cross-origin redirect, and the leader needs it as much as the first one did. So
          // only to origins the admin configured: anywhere else would receive Druid's credentials.
          await response.text().catch(() => '');
          if (hop >= maxRedirects) {
            throw invalidResponseError(site, response.status, `more than ${maxRedirects} redirects (last to ${location})`);
          }
          const next = parseLocation(location, url);
          if (!next || !this.allowedOrigins().has(next.origin)) {
            // The address comes from Druid, not from the user, so naming it maps nothing for them.
            const where = next ? next.origin : JSON.stringify(location.slice(0, 200));
            throw invalidResponseError(
              site,
              response.status,
              `a redirect to ${where}, a host outside Tributary's configuration; Tributary did not follow it. ` +
                'If that is the leader, add its origin to DRUID_ALLOWED_ORIGINS',
            );
          }
          url = next;
          site = this.site(call, url);
          continue;
        }
        const ok = (response.status >= 200 && response.status < 300) || call.answerStatuses?.includes(response.status);
        if (ok && stream) return { response, site };
        const text = await response.text();
        if (ok) return { response, site, text };
        (this.options.warn ?? console.warn)(errorAnswerLine(site, response.status, text, this.config.auth?.password));
        throw errorFromStatus(site, response.status, text, response.headers.get('content-type'), call.notFoundMessage);
      }
    } catch (error) {
      if (error instanceof DruidError) throw error;
      if (timeout.signal.aborted) throw timeoutError(site, timeoutMs);
      if (call.signal?.aborted) throw cancelledError(site);
      throw errorFromFailure(site, error);
    } finally {
      clearTimeout(timer);
    }
  }

  private fetchOnce(url: URL, call: DruidCall, signal: AbortSignal, site: CallSite): Promise<FetchResponse> {
    const headers: Record<string, string> = { Accept: 'application/json, text/plain;q=0.9, */*;q=0.5' };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    const auth = this.config.auth;
    if (auth) headers.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    const init: FetchInit = { method: call.method, headers, body: call.body, redirect: 'manual', signal };
    if (this.options.fetch) return this.options.fetch(url.toString(), init);
    return undiciFetch(url, { ...init, dispatcher: this.dispatcher(site) }) as Promise<FetchResponse>;
  }

  private dispatcher(site: CallSite): Agent {
    if (!this.agent) {
      const { caFile, rejectUnauthorized } = this.config.tls;
      let ca: string | undefined;
      if (caFile) {
        try {
          ca = readFileSync(caFile, 'utf8');
        } catch (error) {
          throw new DruidError({
            service: site.service,
            url: site.url,
            method: site.method,
            path: site.path,
            kind: 'tls',
            message: `Tributary cannot read the CA certificate file for Druid (${caFile}): ${(error as Error).message}`,
            cause: error,
          });
        }
      }
      this.agent = new Agent({ connect: { ca, rejectUnauthorized } });
    }
    return this.agent;
  }
}

/** Characters of an error body that go into the server's log. */
const LOGGED_BODY_CHARS = 500;

/**
 * One log line for an error answer: method, path, status and the start of the body. Never a
 * header, nor the URL's user info; the Druid password is masked should a body ever echo it.
 */
export function errorAnswerLine(site: CallSite, status: number, text: string, password?: string): string {
  let origin = site.url;
  try {
    origin = new URL(site.url).origin;
  } catch {
    // not a URL: logged as it is
  }
  const masked = password ? text.split(password).join('***') : text;
  const body = masked.replace(/\s+/g, ' ').trim();
  const shown = body.length > LOGGED_BODY_CHARS ? `${body.slice(0, LOGGED_BODY_CHARS)}…` : body;
  return `Druid's ${site.service} at ${origin} answered ${site.method} ${site.path} with HTTP ${status}: ${shown || '(no body)'}`;
}

/**
 * Only failures that a moment may cure. A timeout is not retried: it has already
 * spent the caller's whole budget, and a slow Druid retried gets slower.
 */
function isRetryable(error: DruidError): boolean {
  return error.kind === 'unreachable' || (error.kind === 'http' && RETRYABLE_STATUSES.has(error.status ?? 0));
}

/** Parses a JSON answer: big integers stay exact (as strings), then the schema checks the shape. */
export function parseAnswer<S extends z.ZodType>(answer: DruidAnswer, schema: S): z.output<S> {
  let body: unknown;
  try {
    body = parseDruidJson(answer.text, { bigIntegers: 'string' });
  } catch (error) {
    const problem = answer.text.trim() === '' ? 'an empty body where JSON was expected' : `a body that is not valid JSON (${(error as Error).message})`;
    throw invalidResponseError(answer.site, answer.status, problem, error);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`)
      .join('; ');
    throw invalidResponseError(answer.site, answer.status, `a body Tributary does not understand (${issues})`, parsed.error);
  }
  return parsed.data;
}

function parseLocation(location: string, base?: URL): URL | undefined {
  try {
    const url = base ? new URL(location, base) : new URL(location);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(onAbort());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(onAbort());
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}
