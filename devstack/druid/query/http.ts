// Request and response plumbing shared by the SQL and native endpoints.

import type { EngineRequest, EngineResponse } from '../contract';
import { BrokerError, invalidQuery, unknownException } from './errors';
import { toJson, type JsonValue } from './json';

export function jsonResponse(status: number, value: JsonValue, request: EngineRequest, headers: Record<string, string> = {}): EngineResponse {
  const pretty = request.url.searchParams.has('pretty');
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: toJson(value, pretty ? 2 : 0) };
}

export function errorResponse(error: unknown, request: EngineRequest, headers: Record<string, string> = {}): EngineResponse {
  const e = error instanceof BrokerError ? error : unknownException(error instanceof Error ? error.message : String(error));
  return jsonResponse(e.status, e.toBody() as JsonValue, request, headers);
}

export function readJsonBody(request: EngineRequest, what: string): unknown {
  const text = request.body.toString('utf8');
  if (text.trim() === '') throw invalidQuery(`${what}: the request body is empty`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidQuery(`${what}: the request body is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Path of a zod issue in Druid's JSON-path style: aggregations[1].type. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, key) => (typeof key === 'number' ? `${s}[${key}]` : s ? `${s}.${String(key)}` : String(key)), '');
}
