// The Druid column types of a parsed row, for storage and for "what Druid would store".
import { declaredColumnType, discoveredType, planDimensions, type ColumnType } from './dimensions';
import { metricColumnType } from './metrics';
import type { IngestRow, IngestSpec, MetricSpec } from './types';

export interface RowColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly role: 'time' | 'dimension' | 'metric';
  readonly aggregator?: MetricSpec;
}

/** Describes every column of a row: declared dimensions by their type, discovered ones by value. */
export function describeColumns(spec: IngestSpec, row: IngestRow): RowColumn[] {
  const metricsSpec = spec.metricsSpec ?? [];
  const plan = planDimensions(spec.dimensionsSpec, spec.timestampSpec, metricsSpec);
  const declared = new Map(plan.declared.map((dimension) => [dimension.name, dimension.type]));
  const metrics = new Map(metricsSpec.map((metric) => [metric.name, metric]));
  const columns: RowColumn[] = [{ name: '__time', type: 'LONG', role: 'time' }];
  for (const [name, value] of Object.entries(row)) {
    if (name === '__time') continue;
    const metric = metrics.get(name);
    if (metric) {
      columns.push({ name, type: metricColumnType(metric), role: 'metric', aggregator: metric });
      continue;
    }
    const declaredType = declared.get(name);
    const type = declaredType ? declaredColumnType(declaredType, value) : plan.discover === 'auto' ? discoveredType(value) : 'STRING';
    columns.push({ name, type, role: 'dimension' });
  }
  return columns;
}
