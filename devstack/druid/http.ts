// Response helpers in Druid's shapes: JSON with exact 64-bit numbers, and Druid's error bodies.
import type { EngineResponse } from './contract';

const BIGINT_MARK = '\u0000bigint:';
const BIGINT_PATTERN = /"\\u0000bigint:(-?\d+)"/g;

/** JSON.stringify that writes bigints as plain JSON numbers, digit for digit. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${BIGINT_MARK}${v.toString()}` : v), indent).replace(BIGINT_PATTERN, '$1');
}

export function json(status: number, body: unknown): EngineResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: toJson(body) };
}

export function text(status: number, body: string): EngineResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

/** Druid 27+'s error envelope for invalid input (DruidException, category INVALID_INPUT). */
export function invalidInput(message: string, context: Record<string, string> = {}): EngineResponse {
  return json(400, { error: 'druidException', errorCode: 'invalidInput', persona: 'USER', category: 'INVALID_INPUT', errorMessage: message, context });
}

/** The small `{ "error": message }` bodies the Overlord's supervisor and task endpoints use. */
export function overlordError(status: number, message: string): EngineResponse {
  return json(status, { error: message });
}

/** The legacy query error shape (`error`, `errorMessage`, `errorClass`, `host`). */
export function queryError(status: number, error: string, errorMessage: string, errorClass: string | null = null, host: string | null = null): EngineResponse {
  return json(status, { error, errorMessage, errorClass, host });
}

export class BadRequest extends Error {
  constructor(
    message: string,
    readonly context: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) throw new BadRequest('Request body is empty: expected JSON');
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new BadRequest(`Request body is not valid JSON: ${(error as Error).message}`);
  }
}
