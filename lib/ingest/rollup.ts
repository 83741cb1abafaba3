// Rollup: rows with the same truncated __time and dimension values become one row, their
// metrics combined by each aggregator. Druid rolls up within each persisted batch too, so a
// datasource may hold more than one row per group; queries aggregate them again.
import { truncateToGranularity } from './granularity';
import { stringifyJson } from './json';
import { combineMetric } from './metrics';
import type { Granularity, IngestRow, MetricSpec } from './types';

/**
 * Rolls rows up by (__time truncated to queryGranularity, every non-metric column). Rows keep
 * their arrival order inside a group, which first/last aggregators follow.
 */
export function rollupRows(rows: readonly IngestRow[], metricsSpec: readonly MetricSpec[], queryGranularity?: Granularity | null): IngestRow[] {
  const metricNames = new Set(metricsSpec.map((metric) => metric.name));
  const groups = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const time = truncateToGranularity(row.__time, queryGranularity);
    const dimensions = Object.keys(row)
      .filter((column) => column !== '__time' && !metricNames.has(column) && row[column] !== null && row[column] !== undefined)
      .sort();
    const key = stringifyJson([time, ...dimensions.map((column) => [column, row[column]])]);
    const existing = groups.get(key);
    if (!existing) {
      groups.set(key, { ...row, __time: time });
      continue;
    }
    for (const metric of metricsSpec) existing[metric.name] = combineMetric(metric, existing[metric.name], row[metric.name]);
  }
  return [...groups.values()] as IngestRow[];
}
