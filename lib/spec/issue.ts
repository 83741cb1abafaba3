// Where and why a spec is wrong, in one shape for schema and semantic checks alike.

export type JsonPath = readonly (string | number)[];
export type Severity = 'error' | 'warning';

export interface Issue {
  readonly path: JsonPath;
  /** The path as a reader would type it: spec.ioConfig.consumerProperties["bootstrap.servers"]. */
  readonly pathText: string;
  readonly severity: Severity;
  readonly message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function pathToText(path: JsonPath): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (IDENTIFIER.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text || '(root)';
}

export function makeIssue(path: JsonPath, severity: Severity, message: string): Issue {
  return { path, pathText: pathToText(path), severity, message };
}

export const error = (path: JsonPath, message: string): Issue => makeIssue(path, 'error', message);
export const warning = (path: JsonPath, message: string): Issue => makeIssue(path, 'warning', message);

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (!isRecord(current)) return undefined;
      current = current[key];
    }
  }
  return current;
}
