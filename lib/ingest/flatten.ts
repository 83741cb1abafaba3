// flattenSpec: picks fields out of nested JSON with JSONPath ($.a.b, $.a[0], $['a b']),
// a jq subset (.a.b, .a[0], .["a b"]) or tree nodes.
// https://druid.apache.org/docs/latest/ingestion/data-formats#flattenspec
import type { FlattenField, FlattenSpec } from './types';

type Step = { readonly key: string } | { readonly index: number } | { readonly wildcard: true };

const cache = new Map<string, readonly Step[]>();

/** Compiles a JSONPath expression; throws an Error saying where it stops making sense. */
export function compileJsonPath(expr: string): readonly Step[] {
  const text = expr.trim();
  if (!text.startsWith('$')) throw new Error(`JSONPath "${expr}" must start with "$"`);
  return compileSteps(text.slice(1), expr, 'JSONPath');
}

/** Compiles the jq subset: field access and array indexes. */
export function compileJq(expr: string): readonly Step[] {
  const text = expr.trim();
  if (!text.startsWith('.')) throw new Error(`jq expression "${expr}" must start with "."`);
  if (text === '.') return [];
  return compileSteps(text.startsWith('.[') ? text.slice(1) : text, expr, 'jq expression');
}

function compileSteps(rest: string, expr: string, kind: string): readonly Step[] {
  const key = `${kind}:${expr}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const steps: Step[] = [];
  let i = 0;
  while (i < rest.length) {
    if (rest[i] === '.') {
      const match = /^\.([A-Za-z_$@][\w$@-]*|\*)/.exec(rest.slice(i));
      if (!match) throw new Error(`${kind} "${expr}" has an unreadable step at character ${i + 1}`);
      steps.push(match[1] === '*' ? { wildcard: true } : { key: match[1] });
      i += match[0].length;
    } else if (rest[i] === '[') {
      const match = /^\[\s*(?:(-?\d+)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(\*))\s*\]/.exec(rest.slice(i));
      if (!match) throw new Error(`${kind} "${expr}" has an unreadable bracket at character ${i + 1}`);
      if (match[1] !== undefined) steps.push({ index: Number(match[1]) });
      else if (match[4]) steps.push({ wildcard: true });
      else steps.push({ key: (match[2] ?? match[3]).replace(/\\(.)/g, '$1') });
      i += match[0].length;
    } else {
      throw new Error(`${kind} "${expr}" has an unexpected "${rest[i]}" at character ${i + 1}`);
    }
  }
  cache.set(key, steps);
  return steps;
}

/** Follows compiled steps into a value; missing paths give undefined. */
export function walk(value: unknown, steps: readonly Step[]): unknown {
  let current: unknown = value;
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s];
    if (current === null || current === undefined) return undefined;
    if ('wildcard' in step) {
      const items = Array.isArray(current) ? current : typeof current === 'object' ? Object.values(current as object) : [];
      const rest = steps.slice(s + 1);
      return items.map((item) => walk(item, rest)).filter((item) => item !== undefined);
    }
    if ('index' in step) {
      if (!Array.isArray(current)) return undefined;
      current = current[step.index < 0 ? current.length + step.index : step.index];
    } else {
      if (typeof current !== 'object' || Array.isArray(current)) return undefined;
      current = (current as Record<string, unknown>)[step.key];
    }
  }
  return current;
}

function fieldSteps(field: FlattenField): readonly Step[] {
  switch (field.type) {
    case 'root':
      return [{ key: field.expr ?? field.name }];
    case 'path':
      return compileJsonPath(field.expr ?? '');
    case 'jq':
      return compileJq(field.expr ?? '');
    case 'tree':
      return (field.nodes ?? []).map((key) => ({ key }));
    default:
      throw new Error(`flattenSpec field type "${field.type}" is not supported`);
  }
}

/** Checks a flattenSpec; gives one message per field that cannot be used, keyed by index. */
export function flattenSpecIssues(spec: FlattenSpec | null | undefined): { index: number; field: string; message: string }[] {
  const issues: { index: number; field: string; message: string }[] = [];
  (spec?.fields ?? []).forEach((field, index) => {
    if (!['root', 'path', 'jq', 'tree'].includes(field.type)) {
      issues.push({ index, field: 'type', message: `"${field.type}" is not supported by the preview` });
      return;
    }
    if (!field.name) issues.push({ index, field: 'name', message: 'is required' });
    try {
      fieldSteps(field);
    } catch (error) {
      issues.push({ index, field: field.type === 'tree' ? 'nodes' : 'expr', message: (error as Error).message });
    }
  });
  return issues;
}

/**
 * Applies a flattenSpec to a decoded JSON object. With field discovery (the default) every
 * root-level field is kept as well; named fields win over discovered ones.
 */
export function flatten(object: Readonly<Record<string, unknown>>, spec: FlattenSpec | null | undefined): Record<string, unknown> {
  const discovered = spec?.useFieldDiscovery ?? true;
  const out: Record<string, unknown> = discovered ? { ...object } : {};
  for (const field of spec?.fields ?? []) out[field.name] = walk(object, fieldSteps(field));
  return out;
}
