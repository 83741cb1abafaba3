// Collects the fields of decoded messages: one column per top-level field, nested objects
// either flattened into `parent_child` columns (few, stable leaves) or kept as one json
// column, arrays kept whole. Keys are never assigned onto plain objects, so a `__proto__`
// key stays data.
import { isPlainObject } from './decoders/json';

/** Nested objects deeper than this are kept as json rather than flattened. */
export const MAX_FLATTEN_DEPTH = 3;
/** A nested object with more distinct leaves than this is a json column, not many columns. */
export const MAX_FLATTEN_LEAVES = 16;
/** Fields beyond this many are not considered (a warning says so). */
export const MAX_COLUMNS = 1200;

export interface FieldStat {
  readonly name: string;
  readonly path: string;
  /** One value per decoded row, undefined where the field is missing. */
  readonly values: unknown[];
  /** Top-level field that holds this nested leaf, if any. */
  readonly parent?: string;
  readonly nestedObject?: boolean;
}

export interface CollectedFields {
  readonly fields: readonly FieldStat[];
  readonly rowCount: number;
  readonly truncated: boolean;
  readonly flattened: readonly string[];
}

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function childPath(parent: string, key: string): string {
  return SIMPLE_KEY.test(key) ? `${parent}.${key}` : `${parent}['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/** A decoded message: its fields by name, and paths for fields not under the root path. */
export interface DecodedRow {
  readonly root: Readonly<Record<string, unknown>>;
  readonly paths?: ReadonlyMap<string, string>;
}

class Registry {
  readonly byName = new Map<string, FieldStat>();
  truncated = false;

  constructor(private readonly rowCount: number) {}

  put(name: string, path: string, row: number, value: unknown, extra?: Partial<FieldStat>): void {
    let stat = this.byName.get(name);
    if (!stat) {
      if (this.byName.size >= MAX_COLUMNS) {
        this.truncated = true;
        return;
      }
      stat = { name, path, values: new Array(this.rowCount), ...extra };
      this.byName.set(name, stat);
    }
    stat.values[row] = value;
  }
}

function collectLeaves(
  registry: Registry,
  top: string,
  prefix: string,
  path: string,
  value: Record<string, unknown>,
  row: number,
  depth: number,
  leafCount: Map<string, Set<string>>,
): void {
  for (const key of Object.keys(value)) {
    const child = value[key];
    const name = `${prefix}_${key}`;
    const childP = childPath(path, key);
    if (isPlainObject(child) && depth < MAX_FLATTEN_DEPTH) {
      collectLeaves(registry, top, name, childP, child, row, depth + 1, leafCount);
    } else {
      let leaves = leafCount.get(top);
      if (!leaves) leafCount.set(top, (leaves = new Set()));
      if (leaves.size <= MAX_FLATTEN_LEAVES) {
        leaves.add(name);
        registry.put(name, childP, row, child, { parent: top });
      }
      if (isPlainObject(child)) leaves.add(`${name}#deep`);
    }
  }
}

/** Walks every decoded row; rootPath is the JSONPath of the row object (`$`, `$.payload`). */
export function collectFields(rows: readonly DecodedRow[], rootPath: string | null): CollectedFields {
  const registry = new Registry(rows.length);
  const leafCount = new Map<string, Set<string>>();
  // Messages of a topic mostly repeat one key order: the previous row's fields are tried first.
  let previous: (FieldStat | undefined)[] = [];
  rows.forEach((decoded, row) => {
    const root = decoded.root;
    const keys = Object.keys(root);
    const current: (FieldStat | undefined)[] = new Array(keys.length);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const value = root[key];
      const known = previous[k];
      if (known !== undefined && known.name === key && !isPlainObject(value) && !known.nestedObject) {
        known.values[row] = value;
        current[k] = known;
        continue;
      }
      const path = decoded.paths?.get(key) ?? (rootPath === null ? '' : childPath(rootPath, key));
      if (isPlainObject(value) && rootPath !== null) {
        registry.put(key, path, row, value, { nestedObject: true });
        collectLeaves(registry, key, key, path, value, row, 1, leafCount);
      } else {
        registry.put(key, path, row, value);
        current[k] = registry.byName.get(key);
      }
    }
    previous = current;
  });
  // Decide per nested object: flatten when its leaves are few and shallow, else keep it as json.
  const flattened: string[] = [];
  const keep: FieldStat[] = [];
  const flattenable = new Set<string>();
  for (const [top, leaves] of leafCount) {
    const deep = [...leaves].some((leaf) => leaf.endsWith('#deep'));
    if (!deep && leaves.size <= MAX_FLATTEN_LEAVES) flattenable.add(top);
  }
  for (const stat of registry.byName.values()) {
    if (stat.parent !== undefined) {
      if (flattenable.has(stat.parent) && isOnlyObject(registry.byName.get(stat.parent))) keep.push(stat);
    } else if (stat.nestedObject && flattenable.has(stat.name) && isOnlyObject(stat)) {
      flattened.push(stat.name);
    } else {
      keep.push(stat);
    }
  }
  return { fields: keep, rowCount: rows.length, truncated: registry.truncated, flattened };
}

/** Flattening only makes sense when the field is an object (or missing) in every message. */
function isOnlyObject(stat: FieldStat | undefined): boolean {
  if (!stat) return false;
  for (const value of stat.values) {
    if (value !== undefined && value !== null && !isPlainObject(value)) return false;
  }
  return true;
}

/** A path's steps: keys of objects, or indexes of arrays. Null when the path is not one inference reads. */
export type PathSteps = readonly (string | number)[] | null;

const compiledPaths = new Map<string, PathSteps>();

/** Compiles a JSONPath of the form inference writes (`$.a.b`, `$['a b']`, `$.a[0]`). */
export function compilePath(path: string): PathSteps {
  const cached = compiledPaths.get(path);
  if (cached !== undefined) return cached;
  const steps: (string | number)[] = [];
  const step = /\.([^.[\]'"]+)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]/g;
  let match: RegExpExecArray | null;
  let consumed = 1;
  let valid = path.startsWith('$');
  while (valid && (match = step.exec(path)) !== null) {
    if (match.index !== consumed) valid = false;
    consumed = step.lastIndex;
    steps.push(match[3] !== undefined ? Number(match[3]) : match[1] ?? match[2].replace(/\\(.)/g, '$1'));
  }
  const compiled = valid && consumed === path.length ? steps : null;
  if (compiledPaths.size < 10_000) compiledPaths.set(path, compiled);
  return compiled;
}

/** Reads a path from a decoded message; undefined where the path leads nowhere. */
export function readSteps(value: unknown, steps: PathSteps): unknown {
  if (steps === null) return undefined;
  let current: unknown = value;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (typeof s === 'number') current = Array.isArray(current) ? current[s] : undefined;
    else current = isPlainObject(current) && Object.prototype.hasOwnProperty.call(current, s) ? current[s] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

export function readPath(value: unknown, path: string): unknown {
  return readSteps(value, compilePath(path));
}
