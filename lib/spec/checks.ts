// Semantic checks: what zod cannot say about a spec that is well-formed but wrong.
// Each check returns the issues it finds (none when the spec is fine), each with the path it is about.
import { aggregatorInputs } from './metrics-spec';
import { dimensionName, dimensionType } from './dimensions-spec';
import { granularityToMs, normalizeGranularity, DEFAULT_QUERY_GRANULARITY, DEFAULT_ROLLUP, DEFAULT_SEGMENT_GRANULARITY } from './granularity-spec';
import { issueWithTextColumns } from './format-checks';
import { error, warning, type Issue } from './issue';
import { issuesWithOwnClusters, type OwnClusters } from './own-clusters';
import { issuesWithRedactedValues } from './redaction';
import { timestampColumnOf } from './timestamp-spec';
import type { SupervisorSpec } from './supervisor-spec';

export interface CheckContext {
  /** Partitions of the topic, when known, to check task counts against. */
  readonly partitionCount?: number;
  /** The clusters Tributary is configured for: when given, a spec sending Druid elsewhere is an error. */
  readonly ownClusters?: OwnClusters;
}

export type SpecCheck = (spec: SupervisorSpec, context: CheckContext) => Issue[];

const DATA_SCHEMA = ['spec', 'dataSchema'] as const;
const IO_CONFIG = ['spec', 'ioConfig'] as const;
const TIME_COLUMN = '__time';

// Druid's IdUtils.validateId: ids become ZooKeeper paths and file names, hence the character rules.
export const issueWithDataSourceName: SpecCheck = (spec) => {
  const path = [...DATA_SCHEMA, 'dataSource'];
  const name = spec.spec.dataSchema.dataSource;
  if (name === '') return [error(path, 'dataSource cannot be empty')];
  if (name.startsWith('.')) return [error(path, `dataSource "${name}" cannot start with "."`)];
  if (name.includes('/')) return [error(path, `dataSource "${name}" cannot contain "/"`)];
  if (/[^\S ]/.test(name)) return [error(path, `dataSource "${name}" contains a tab, newline or other whitespace; only plain spaces are allowed`)];
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c > 0 && c < 31) || (c > 127 && c < 159) || (c > 0xd800 && c < 0xf8ff) || (c > 0xfff0 && c < 0xffff)) {
      return [error(path, `dataSource "${name}" contains a character Druid does not allow (code ${c} at position ${i}); emoji and control characters are not allowed`)];
    }
  }
  if (name.trim() !== name) return [warning(path, `dataSource "${name}" starts or ends with a space, which is easy to miss when querying it`)];
  return [];
};

export const issueWithGranularity: SpecCheck = (spec) => {
  const gs = spec.spec.dataSchema.granularitySpec;
  const segment = gs?.segmentGranularity ?? DEFAULT_SEGMENT_GRANULARITY;
  const query = gs?.queryGranularity ?? DEFAULT_QUERY_GRANULARITY;
  const path = [...DATA_SCHEMA, 'granularitySpec'];
  if (normalizeGranularity(segment) === 'none') {
    return [error([...path, 'segmentGranularity'], 'segmentGranularity cannot be "none": it would make one segment per millisecond; use hour or day')];
  }
  const segmentMs = granularityToMs(segment);
  const queryMs = granularityToMs(query);
  if (segmentMs !== undefined && queryMs !== undefined && queryMs > segmentMs) {
    return [
      error(
        [...path, 'queryGranularity'],
        `queryGranularity "${normalizeGranularity(query)}" is coarser than segmentGranularity "${normalizeGranularity(segment)}": ` +
          'rows are truncated to the query granularity, so a segment could not hold its own rows; make queryGranularity finer or equal',
      ),
    ];
  }
  return [];
};

// Druid rejects a spec that names the same output column twice (DataSchema output field validation).
export const issueWithColumnNames: SpecCheck = (spec) => {
  const issues: Issue[] = [];
  const dims = spec.spec.dataSchema.dimensionsSpec?.dimensions ?? [];
  const seen = new Map<string, number>();
  dims.forEach((d, i) => {
    const name = dimensionName(d);
    const first = seen.get(name);
    if (first !== undefined) {
      issues.push(error([...DATA_SCHEMA, 'dimensionsSpec', 'dimensions', i], `dimension "${name}" is listed twice (first at dimensions[${first}])`));
    } else seen.set(name, i);
  });
  const metrics = spec.spec.dataSchema.metricsSpec ?? [];
  const metricSeen = new Map<string, number>();
  metrics.forEach((m, i) => {
    const path = [...DATA_SCHEMA, 'metricsSpec', i, 'name'];
    if (seen.has(m.name)) {
      issues.push(error(path, `metric "${m.name}" has the same name as a dimension; a column can be one or the other, so rename the metric, for example to "${m.name}_${m.type}"`));
    }
    const first = metricSeen.get(m.name);
    if (first !== undefined) issues.push(error(path, `metric "${m.name}" is defined twice (first at metricsSpec[${first}])`));
    else metricSeen.set(m.name, i);
  });
  return issues;
};

export const issueWithTimestampAsDimension: SpecCheck = (spec) => {
  const column = timestampColumnOf(spec.spec.dataSchema.timestampSpec);
  if (column === TIME_COLUMN) return [];
  const dims = spec.spec.dataSchema.dimensionsSpec?.dimensions ?? [];
  const index = dims.findIndex((d) => dimensionName(d) === column);
  if (index < 0) return [];
  return [
    warning(
      [...DATA_SCHEMA, 'dimensionsSpec', 'dimensions', index],
      `"${column}" is the timestamp column and also a dimension: Druid stores it twice, the copy as a ${dimensionType(dims[index])}; ` +
        'query __time instead and remove the dimension',
    ),
  ];
};

// __time is the primary timestamp; it can only appear elsewhere as a long dimension (first, unless time sorting is off).
export const issueWithTimeColumn: SpecCheck = (spec) => {
  const issues: Issue[] = [];
  const dimensionsSpec = spec.spec.dataSchema.dimensionsSpec;
  (dimensionsSpec?.dimensions ?? []).forEach((d, i) => {
    if (dimensionName(d) !== TIME_COLUMN) return;
    const path = [...DATA_SCHEMA, 'dimensionsSpec', 'dimensions', i];
    if (dimensionType(d) !== 'long') {
      issues.push(error(path, `"${TIME_COLUMN}" is Druid's primary timestamp; as a dimension it must have type "long", not "${dimensionType(d)}"`));
    } else if (i > 0 && dimensionsSpec?.forceSegmentSortByTime !== false) {
      issues.push(error(path, `"${TIME_COLUMN}" can only be placed after other dimensions when dimensionsSpec.forceSegmentSortByTime is false`));
    }
  });
  (spec.spec.dataSchema.metricsSpec ?? []).forEach((m, i) => {
    if (m.name === TIME_COLUMN) {
      issues.push(error([...DATA_SCHEMA, 'metricsSpec', i, 'name'], `a metric cannot be named "${TIME_COLUMN}": that name is the primary timestamp`));
    }
  });
  return issues;
};

const NEEDS_INPUT = /^(long|double|float)(Sum|Min|Max|First|Last|Any)$/;

export const issueWithMetrics: SpecCheck = (spec) => {
  const issues: Issue[] = [];
  const metrics = spec.spec.dataSchema.metricsSpec ?? [];
  metrics.forEach((m, i) => {
    if (NEEDS_INPUT.test(m.type) && aggregatorInputs(m).length === 0 && !m.expression) {
      issues.push(error([...DATA_SCHEMA, 'metricsSpec', i, 'fieldName'], `metric "${m.name}" (${m.type}) needs a fieldName: the input column it aggregates`));
    }
  });
  const rollup = spec.spec.dataSchema.granularitySpec?.rollup ?? DEFAULT_ROLLUP;
  if (rollup && metrics.length === 0) {
    issues.push(
      warning(
        [...DATA_SCHEMA, 'granularitySpec', 'rollup'],
        'rollup is on but there are no metrics: rows with equal dimensions and truncated time collapse into one and the count of them is lost; add a count metric or set rollup to false',
      ),
    );
  }
  return issues;
};

const HOST_PORT = /^(\[[0-9a-fA-F:]+\]|[^\s:/{}<>]+):\d{1,5}$/;

export const issueWithBootstrapServersFormat: SpecCheck = (spec) => {
  const path = [...IO_CONFIG, 'consumerProperties', 'bootstrap.servers'];
  const value = spec.spec.ioConfig.consumerProperties['bootstrap.servers'];
  if (value === undefined) {
    return [error(path, 'consumerProperties needs "bootstrap.servers": the Kafka brokers Druid\'s tasks connect to, such as "kafka1:9092,kafka2:9092"')];
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return [error(path, '"bootstrap.servers" must be a comma-separated list of host:port')];
  }
  const servers = value.split(',').map((s) => s.trim());
  const placeholder = servers.find((s) => /[{}<>]/.test(s));
  if (placeholder) return [warning(path, `"${placeholder}" looks like a placeholder; put the real broker address`)];
  const bad = servers.find((s) => !HOST_PORT.test(s));
  if (bad !== undefined) return [warning(path, `"${bad}" is not host:port`)];
  return [];
};

export const issueWithTopic: SpecCheck = (spec) => {
  const io = spec.spec.ioConfig;
  if (io.topic == null && io.topicPattern == null) {
    return [error([...IO_CONFIG, 'topic'], 'ioConfig needs a topic (or a topicPattern to read several topics)')];
  }
  if (io.topic != null && io.topicPattern != null) {
    return [error([...IO_CONFIG, 'topicPattern'], 'set either topic or topicPattern, not both')];
  }
  return [];
};

export const issueWithInputFormat: SpecCheck = (spec) => {
  const hasParser = spec.spec.dataSchema.parser != null;
  if (spec.spec.ioConfig.inputFormat == null) {
    return [
      error(
        [...IO_CONFIG, 'inputFormat'],
        hasParser
          ? 'this spec uses the legacy dataSchema.parser; import it to upgrade the parser to ioConfig.inputFormat'
          : 'ioConfig needs an inputFormat, such as {"type": "json"}',
      ),
    ];
  }
  if (hasParser) return [error([...DATA_SCHEMA, 'parser'], 'a spec cannot have both dataSchema.parser and ioConfig.inputFormat; remove the parser')];
  return [];
};

export const issueWithTaskCount: SpecCheck = (spec, { partitionCount }) => {
  const io = spec.spec.ioConfig;
  const issues: Issue[] = [];
  const scaler = io.autoScalerConfig;
  if (scaler?.taskCountMin != null && scaler.taskCountMax != null && scaler.taskCountMin > scaler.taskCountMax) {
    issues.push(error([...IO_CONFIG, 'autoScalerConfig', 'taskCountMin'], `taskCountMin (${scaler.taskCountMin}) is above taskCountMax (${scaler.taskCountMax})`));
  }
  if (partitionCount === undefined) return issues;
  const taskCount = io.taskCount ?? 1;
  if (taskCount > partitionCount) {
    issues.push(
      warning(
        [...IO_CONFIG, 'taskCount'],
        `taskCount ${taskCount} is above the topic's ${partitionCount} partition${partitionCount === 1 ? '' : 's'}: a partition is read by one task, so Druid runs only ${partitionCount}`,
      ),
    );
  }
  if (scaler?.enableTaskAutoScaler && scaler.taskCountMax != null && scaler.taskCountMax > partitionCount) {
    issues.push(warning([...IO_CONFIG, 'autoScalerConfig', 'taskCountMax'], `taskCountMax ${scaler.taskCountMax} is above the topic's ${partitionCount} partitions; the autoscaler cannot use the extra tasks`));
  }
  return issues;
};

export const issueWithMessageRejection: SpecCheck = (spec) => {
  const io = spec.spec.ioConfig;
  if (io.lateMessageRejectionPeriod && io.lateMessageRejectionStartDateTime) {
    return [error([...IO_CONFIG, 'lateMessageRejectionStartDateTime'], 'use either lateMessageRejectionPeriod or lateMessageRejectionStartDateTime, not both')];
  }
  return [];
};

// Druid's default (false) starts a new supervisor at the latest offsets and silently skips the topic's history.
export const issueWithUseEarliestOffset: SpecCheck = (spec) => {
  if (spec.spec.ioConfig.useEarliestOffset != null) return [];
  return [
    warning(
      [...IO_CONFIG, 'useEarliestOffset'],
      'useEarliestOffset is not set, so a new supervisor starts at the latest offsets and skips messages already in the topic; set it to true to read the history, or false to confirm',
    ),
  ];
};

/** A placeholder sent back as a secret; where the spec sends Druid, when the own clusters are known. */
export const issueWithSecretsAndHosts: SpecCheck = (spec, { ownClusters }) => [
  ...issuesWithRedactedValues(spec),
  ...(ownClusters ? issuesWithOwnClusters(spec, ownClusters) : []),
];

export const SPEC_CHECKS: readonly SpecCheck[] = [
  issueWithSecretsAndHosts,
  issueWithDataSourceName,
  issueWithGranularity,
  issueWithColumnNames,
  issueWithTimestampAsDimension,
  issueWithTimeColumn,
  issueWithMetrics,
  issueWithBootstrapServersFormat,
  issueWithTopic,
  issueWithInputFormat,
  issueWithTextColumns,
  issueWithTaskCount,
  issueWithMessageRejection,
  issueWithUseEarliestOffset,
];

export function semanticIssues(spec: SupervisorSpec, context: CheckContext = {}): Issue[] {
  return SPEC_CHECKS.flatMap((check) => check(spec, context));
}
