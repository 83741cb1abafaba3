// Edits a user makes to the schema plan, as pure functions: each returns a new plan and keeps
// the plan consistent (a metric has an aggregator named after its column, the event time
// column is not stored twice, renames follow into the timestamp and delimited columns).
import type { Column, ColumnType, LoadPlan, Role, TimestampChoice } from '@/lib/infer';
import { KAFKA_TIMESTAMP_COLUMN } from '@/lib/infer';
import { metricName } from '@/lib/infer/roles';

export const AGGREGATORS: readonly string[] = ['longSum', 'longMax', 'longMin', 'doubleSum', 'doubleMax', 'doubleMin', 'HLLSketchBuild'];

export function isNumeric(type: ColumnType): boolean {
  return type === 'long' || type === 'double';
}

function aggregatorFor(column: Column, aggregatorType: string): Column['aggregator'] {
  if (aggregatorType === 'HLLSketchBuild') return column.sketch ?? { type: 'HLLSketchBuild', name: `${column.name}_sketch`, fieldName: column.name, lgK: 12 };
  return { type: aggregatorType, name: metricName(aggregatorType, column.name), fieldName: column.name };
}

function defaultAggregator(column: Column): string {
  if (column.type === 'long') return 'longSum';
  if (column.type === 'double') return 'doubleSum';
  return 'HLLSketchBuild';
}

function mapColumn(plan: LoadPlan, name: string, edit: (column: Column) => Column): LoadPlan {
  return { ...plan, columns: plan.columns.map((c) => (c.name === name ? edit(c) : c)) };
}

export function setRole(plan: LoadPlan, name: string, role: Role): LoadPlan {
  return mapColumn(plan, name, (column) => {
    if (role !== 'metric') return { ...column, role, aggregator: undefined };
    return { ...column, role, aggregator: column.aggregator ?? aggregatorFor(column, defaultAggregator(column)) };
  });
}

export function setAggregator(plan: LoadPlan, name: string, aggregatorType: string): LoadPlan {
  return mapColumn(plan, name, (column) => ({ ...column, role: 'metric', aggregator: aggregatorFor(column, aggregatorType) }));
}

/** A high-cardinality column counted with a sketch instead of kept as a dimension. */
export function countWithSketch(plan: LoadPlan, name: string): LoadPlan {
  return setAggregator(plan, name, 'HLLSketchBuild');
}

export function setType(plan: LoadPlan, name: string, type: ColumnType): LoadPlan {
  return mapColumn(plan, name, (column) => {
    const next = { ...column, type };
    const agg = column.aggregator?.type;
    // A numeric metric follows its column's type: longSum on a double column would truncate.
    if (agg && /^(long|double)(Sum|Max|Min)$/.test(agg) && isNumeric(type)) {
      return { ...next, aggregator: aggregatorFor(next, agg.replace(/^(long|double)/, type)) };
    }
    return next;
  });
}

export function renameColumn(plan: LoadPlan, from: string, to: string): LoadPlan {
  if (from === to) return plan;
  const renamed = mapColumn(plan, from, (column) => {
    const next = { ...column, name: to };
    const agg = column.aggregator;
    if (!agg) return next;
    return { ...next, aggregator: agg.type === 'HLLSketchBuild' ? { ...agg, fieldName: to } : aggregatorFor(next, agg.type) };
  });
  // Delimited and regex columns are named by position: the declared names carry the rename.
  const columnNames = plan.decode.columnNames?.map((c) => (c === from ? to : c));
  const timestamp = plan.timestamp.column === from ? { ...plan.timestamp, column: to } : plan.timestamp;
  return { ...renamed, decode: columnNames ? { ...plan.decode, columnNames } : plan.decode, timestamp };
}

/** Makes a candidate the event time; the column it replaces is stored again as a dimension. */
export function pickTimestamp(plan: LoadPlan, choice: TimestampChoice): LoadPlan {
  const previous = plan.timestamp.column;
  const columns = plan.columns.map((c) => {
    if (c.name === choice.column) return { ...c, role: 'none' as const, aggregator: undefined };
    if (c.name === previous && previous !== KAFKA_TIMESTAMP_COLUMN && c.role === 'none') return { ...c, role: 'dimension' as const };
    return c;
  });
  const timestamp: TimestampChoice = { column: choice.column, path: choice.path, format: choice.format, fractionalSeconds: choice.fractionalSeconds };
  return { ...plan, timestamp, columns };
}

export function setTimestampFormat(plan: LoadPlan, format: string): LoadPlan {
  return { ...plan, timestamp: { ...plan.timestamp, format, fractionalSeconds: undefined } };
}

/** Columns flattened out of one nested object, by the object's path (`$.geo` for `$.geo.city`). */
export function nestedGroups(plan: LoadPlan, rootPath: string | null): Map<string, Column[]> {
  const groups = new Map<string, Column[]>();
  if (rootPath === null) return groups;
  for (const column of plan.columns) {
    if (!column.path?.startsWith(`${rootPath}.`)) continue;
    const rest = column.path.slice(rootPath.length + 1);
    const dot = rest.indexOf('.');
    if (dot <= 0 || rest.includes('[')) continue;
    const parent = `${rootPath}.${rest.slice(0, dot)}`;
    groups.set(parent, [...(groups.get(parent) ?? []), column]);
  }
  return groups;
}

/** Replaces the columns flattened out of a nested object with one json column holding it. */
export function keepAsJson(plan: LoadPlan, parentPath: string, name: string): LoadPlan {
  const inside = (c: Column) => c.path?.startsWith(`${parentPath}.`) === true;
  const at = plan.columns.findIndex(inside);
  if (at < 0) return plan;
  const json: Column = { name, path: parentPath, type: 'json', role: 'dimension', why: 'the nested object kept whole as one json column (your choice)' };
  const columns = plan.columns.filter((c, i) => i === at || !inside(c)).map((c, i) => (i === at ? json : c));
  return { ...plan, columns };
}

/** Points a column at another JSONPath in the message (a flattenSpec field). */
export function setPath(plan: LoadPlan, name: string, path: string): LoadPlan {
  const timestamp = plan.timestamp.column === name ? { ...plan.timestamp, path } : plan.timestamp;
  return { ...mapColumn(plan, name, (column) => ({ ...column, path })), timestamp };
}
