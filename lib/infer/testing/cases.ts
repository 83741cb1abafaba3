// Test helpers: read a case folder (messages.jsonl + expected.json) and check an inference
// result against what the expected.json says. Used by the sample and own-case tests only.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { InferResult } from '../infer';

export interface ExpectedCase {
  readonly format: string;
  readonly timestampColumn: string;
  readonly timestampFormat: string;
  readonly columns?: Readonly<Record<string, string>>;
  readonly dimensions?: readonly string[];
  readonly metrics?: readonly { readonly type: string; readonly fieldName?: string }[];
  readonly acceptable?: {
    readonly timestampFormat?: readonly string[];
    readonly columns?: Readonly<Record<string, readonly string[]>>;
    readonly dimensions?: readonly (readonly string[])[];
    readonly metrics?: readonly (readonly { readonly type: string; readonly fieldName?: string }[])[];
  };
  /** Own cases: substrings expected among the warnings' codes. */
  readonly warnings?: readonly string[];
  readonly rowsOut?: number;
  readonly unparseable?: number;
}

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export function caseDirs(folder: string): string[] {
  const root = path.join(REPO_ROOT, folder);
  return readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'expected.json')))
    .map((name) => path.join(root, name));
}

/** Messages as raw values: an object line is the value byte for byte, a string line its content. */
export function readMessages(dir: string): string[] {
  const text = readFileSync(path.join(dir, 'messages.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (line.startsWith('"') ? (JSON.parse(line) as string) : line));
}

export function readExpected(dir: string): ExpectedCase {
  return JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as ExpectedCase;
}

/** Records with Kafka times one second apart, ending just before `now`. */
export function recordsNear(now: number, values: readonly string[]) {
  return values.map((value, i) => ({
    partition: 0,
    offset: String(i),
    timestamp: now - (values.length - i) * 1000,
    key: null,
    value,
  }));
}

const metricKey = (m: { type: string; fieldName?: string }) => `${m.type}:${m.fieldName ?? ''}`;

/** Every mismatch between a result and the expectation, as readable lines (empty when it matches). */
export function mismatches(result: InferResult, expected: ExpectedCase): string[] {
  const problems: string[] = [];
  if (result.format !== expected.format) problems.push(`format ${result.format}, expected ${expected.format}`);
  if (result.timestamp.column !== expected.timestampColumn) {
    problems.push(`timestamp column ${result.timestamp.column}, expected ${expected.timestampColumn}`);
  }
  const formats = expected.acceptable?.timestampFormat ?? [expected.timestampFormat];
  if (!formats.includes(result.timestamp.format)) problems.push(`timestamp format ${result.timestamp.format}, expected ${formats.join(' or ')}`);
  for (const [name, type] of Object.entries(expected.columns ?? {})) {
    const column = result.columns.find((c) => c.name === name);
    const allowed = expected.acceptable?.columns?.[name] ?? [type];
    if (!column) problems.push(`no column ${name}`);
    else if (!allowed.includes(column.type)) problems.push(`column ${name} is ${column.type}, expected ${allowed.join(' or ')}`);
  }
  if (expected.dimensions) {
    const dims = result.columns.filter((c) => c.role === 'dimension').map((c) => c.name).sort();
    const allowed = expected.acceptable?.dimensions ?? [expected.dimensions];
    if (!allowed.some((option) => JSON.stringify([...option].sort()) === JSON.stringify(dims))) {
      problems.push(`dimensions [${dims}], expected [${expected.dimensions}]`);
    }
  }
  if (expected.metrics) {
    const metrics = result.metricsSpec.map(metricKey).sort();
    const allowed = expected.acceptable?.metrics ?? [expected.metrics];
    if (!allowed.some((option) => JSON.stringify(option.map(metricKey).sort()) === JSON.stringify(metrics))) {
      problems.push(`metrics [${metrics}], expected [${expected.metrics.map(metricKey)}]`);
    }
  }
  for (const code of expected.warnings ?? []) {
    if (!result.warnings.some((w) => w.code === code)) problems.push(`no ${code} warning (got ${result.warnings.map((w) => w.code)})`);
  }
  if (expected.rowsOut !== undefined && result.preview.rowsOut !== expected.rowsOut) problems.push(`rowsOut ${result.preview.rowsOut}, expected ${expected.rowsOut}`);
  if (expected.unparseable !== undefined && result.preview.unparseableCount !== expected.unparseable) {
    problems.push(`unparseable ${result.preview.unparseableCount}, expected ${expected.unparseable}`);
  }
  return problems;
}
