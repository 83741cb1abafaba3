// A change the import made to a spec, so the user can see what was rewritten and why.
import { pathToText, type JsonPath } from './issue';

export interface SpecChange {
  readonly path: JsonPath;
  readonly pathText: string;
  readonly from?: unknown;
  readonly to?: unknown;
  readonly message: string;
}

export function makeChange(path: JsonPath, message: string, values: { from?: unknown; to?: unknown } = {}): SpecChange {
  return { path, pathText: pathToText(path), ...values, message };
}
