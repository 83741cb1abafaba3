// Tributary's deadline for a query. The request's timeoutMs, else the context's own `timeout`
// (Druid's per-query timeout, docs/querying/query-context-reference.md), else the default; never
// past Tributary's maximum. Druid is told the same deadline (context.timeout) so it stops the
// query itself; a `timeout` of 0, Druid's "no timeout", gets Tributary's maximum.
import { ApiError } from '../http/api-error';
import { DEFAULT_QUERY_TIMEOUT_MS, MAX_QUERY_TIMEOUT_MS } from './schemas';

export function queryDeadlineMs(requestedMs: number | undefined, context: Readonly<Record<string, unknown>> | undefined, where: string): number {
  const given = context?.timeout;
  let contextMs: number | undefined;
  if (given !== undefined && given !== null) {
    contextMs = typeof given === 'string' && given.trim() !== '' ? Number(given) : typeof given === 'number' ? given : NaN;
    if (!(contextMs >= 0)) {
      throw new ApiError(400, 'invalid_input', `Invalid request ${where}.timeout: must be a number of milliseconds (got ${JSON.stringify(given)}).`);
    }
    if (contextMs === 0) contextMs = MAX_QUERY_TIMEOUT_MS;
  }
  const wanted = requestedMs ?? contextMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  return Math.max(1, Math.floor(Math.min(wanted, contextMs ?? Infinity, MAX_QUERY_TIMEOUT_MS)));
}

/** What the page and the API say when Tributary's deadline stopped a query. */
export function pastDeadline(timeoutMs: number, queryId: string): ApiError {
  const seconds = timeoutMs >= 10_000 ? `${Math.round(timeoutMs / 1000)} s` : `${(timeoutMs / 1000).toFixed(1)} s`;
  return new ApiError(504, 'query_timeout', `The query ran past its ${seconds} deadline; Tributary stopped waiting and cancelled it in Druid (query id ${queryId}).`, {
    timeoutMs,
    queryId,
  });
}
