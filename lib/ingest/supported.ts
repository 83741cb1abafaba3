// What the local engine can run. Every part of a supervisor spec that changes what gets stored
// is either honoured or reported here with its JSON path: nothing is silently ignored.
import { DIMENSION_TYPES } from './dimensions';
import { compileExpression } from './expression';
import { FilterError, compileFilter } from './filters';
import { flattenSpecIssues } from './flatten';
import { granularityBucket, periodToMs } from './granularity';
import { isSupportedMetric } from './metrics';
import { compileJavaRegex } from './regex';
import { NAMED_TIMESTAMP_FORMATS, checkJodaPattern } from './timestamp';
import type { Filter, Granularity, InputFormat, SpecIssue } from './types';

type Obj = Record<string, unknown>;

const isObject = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value);
const VALUE_FORMATS = ['json', 'csv', 'tsv', 'regex'];

function unsupported(path: string, value: unknown): SpecIssue {
  return { path, message: `${JSON.stringify(value)} is not supported by the local engine` };
}

function checkValueFormat(format: unknown, path: string, issues: SpecIssue[]): void {
  if (!isObject(format)) {
    issues.push({ path, message: 'is required' });
    return;
  }
  const f = format as unknown as InputFormat;
  if (!VALUE_FORMATS.includes(f.type)) {
    issues.push(unsupported(`${path}.type`, f.type));
    return;
  }
  for (const issue of flattenSpecIssues(f.flattenSpec)) issues.push({ path: `${path}.flattenSpec.fields[${issue.index}].${issue.field}`, message: issue.message });
  if (f.type === 'regex') {
    checkRegexFormat(f, path, issues);
    return;
  }
  if (f.type !== 'json') {
    if (f.findColumnsFromHeader === true) issues.push({ path: `${path}.findColumnsFromHeader`, message: 'a Kafka record has no header row: list the columns instead' });
    if (!Array.isArray(f.columns) || f.columns.length === 0) issues.push({ path: `${path}.columns`, message: 'is required for a delimited format' });
    if (typeof f.skipHeaderRows === 'number' && f.skipHeaderRows > 0) issues.push(unsupported(`${path}.skipHeaderRows`, f.skipHeaderRows));
  }
}

function checkRegexFormat(format: InputFormat, path: string, issues: SpecIssue[]): void {
  if (typeof format.pattern !== 'string' || format.pattern === '') {
    issues.push({ path: `${path}.pattern`, message: 'is required for a regex input format' });
    return;
  }
  try {
    compileJavaRegex(format.pattern);
  } catch (error) {
    issues.push({ path: `${path}.pattern`, message: (error as Error).message });
  }
}

function checkInputFormat(format: unknown, path: string, issues: SpecIssue[]): void {
  if (!isObject(format)) {
    issues.push({ path, message: 'is required (the local engine reads the modern inputFormat form)' });
    return;
  }
  if (format.type !== 'kafka') {
    checkValueFormat(format, path, issues);
    return;
  }
  checkValueFormat(format.valueFormat, `${path}.valueFormat`, issues);
  if (format.keyFormat !== undefined && format.keyFormat !== null) checkValueFormat(format.keyFormat, `${path}.keyFormat`, issues);
  const header = format.headerFormat;
  if (isObject(header) && header.type !== 'string') issues.push(unsupported(`${path}.headerFormat.type`, header.type));
  if (isObject(header) && header.encoding !== undefined && !/^utf-?8$/i.test(String(header.encoding))) issues.push(unsupported(`${path}.headerFormat.encoding`, header.encoding));
}

function checkGranularity(value: unknown, path: string, issues: SpecIssue[]): void {
  if (value === undefined || value === null) return;
  try {
    granularityBucket(value as Granularity);
  } catch (error) {
    issues.push({ path, message: (error as Error).message });
  }
}

function checkPeriod(value: unknown, path: string, issues: SpecIssue[]): void {
  if (value === undefined || value === null) return;
  try {
    periodToMs(String(value));
  } catch (error) {
    issues.push({ path, message: (error as Error).message });
  }
}

function checkDataSchema(dataSchema: unknown, path: string, issues: SpecIssue[]): void {
  if (!isObject(dataSchema)) {
    issues.push({ path, message: 'is required' });
    return;
  }
  if (typeof dataSchema.dataSource !== 'string' || dataSchema.dataSource.trim() === '') issues.push({ path: `${path}.dataSource`, message: 'is required' });
  if (dataSchema.parser !== undefined && dataSchema.parser !== null) {
    issues.push({ path: `${path}.parser`, message: 'legacy parser specs are not supported by the local engine: use ioConfig.inputFormat with dataSchema.timestampSpec and dimensionsSpec' });
  }
  const timestampSpec = dataSchema.timestampSpec;
  if (!isObject(timestampSpec)) issues.push({ path: `${path}.timestampSpec`, message: 'is required' });
  else if (typeof timestampSpec.format === 'string' && !(NAMED_TIMESTAMP_FORMATS as readonly string[]).includes(timestampSpec.format)) {
    try {
      checkJodaPattern(timestampSpec.format);
    } catch (error) {
      issues.push({ path: `${path}.timestampSpec.format`, message: (error as Error).message });
    }
  }
  const dimensionsSpec = isObject(dataSchema.dimensionsSpec) ? dataSchema.dimensionsSpec : {};
  const dimensions = Array.isArray(dimensionsSpec.dimensions) ? dimensionsSpec.dimensions : [];
  dimensions.forEach((dimension, i) => {
    if (typeof dimension === 'string') return;
    if (!isObject(dimension) || typeof dimension.name !== 'string') issues.push({ path: `${path}.dimensionsSpec.dimensions[${i}]`, message: 'needs a name' });
    else if (dimension.type !== undefined && !(DIMENSION_TYPES as readonly unknown[]).includes(dimension.type)) issues.push(unsupported(`${path}.dimensionsSpec.dimensions[${i}].type`, dimension.type));
  });
  if (Array.isArray(dimensionsSpec.spatialDimensions) && dimensionsSpec.spatialDimensions.length > 0) issues.push(unsupported(`${path}.dimensionsSpec.spatialDimensions`, 'spatialDimensions'));
  const metricsSpec = Array.isArray(dataSchema.metricsSpec) ? dataSchema.metricsSpec : [];
  metricsSpec.forEach((metric, i) => {
    const at = `${path}.metricsSpec[${i}]`;
    if (!isObject(metric)) return issues.push({ path: at, message: 'must be an object' });
    if (typeof metric.name !== 'string' || metric.name === '') issues.push({ path: `${at}.name`, message: 'is required' });
    if (!isSupportedMetric(String(metric.type))) issues.push(unsupported(`${at}.type`, metric.type));
    else if (metric.type !== 'count' && typeof metric.fieldName !== 'string') issues.push({ path: `${at}.fieldName`, message: `is required for a ${String(metric.type)} metric` });
    if (metric.expression !== undefined && metric.expression !== null) issues.push({ path: `${at}.expression`, message: 'expressions are not supported by the local engine' });
  });
  const granularitySpec = isObject(dataSchema.granularitySpec) ? dataSchema.granularitySpec : {};
  if (granularitySpec.type !== undefined && granularitySpec.type !== 'uniform') issues.push(unsupported(`${path}.granularitySpec.type`, granularitySpec.type));
  checkGranularity(granularitySpec.segmentGranularity, `${path}.granularitySpec.segmentGranularity`, issues);
  checkGranularity(granularitySpec.queryGranularity, `${path}.granularitySpec.queryGranularity`, issues);
  const transformSpec = isObject(dataSchema.transformSpec) ? dataSchema.transformSpec : {};
  const transforms = Array.isArray(transformSpec.transforms) ? transformSpec.transforms : [];
  transforms.forEach((transform, i) => {
    const at = `${path}.transformSpec.transforms[${i}]`;
    if (!isObject(transform)) return issues.push({ path: at, message: 'must be an object' });
    if (transform.type !== 'expression') return issues.push(unsupported(`${at}.type`, transform.type));
    if (typeof transform.name !== 'string' || transform.name === '') issues.push({ path: `${at}.name`, message: 'is required' });
    try {
      compileExpression(String(transform.expression ?? ''));
    } catch (error) {
      issues.push({ path: `${at}.expression`, message: (error as Error).message });
    }
  });
  if (isObject(transformSpec.filter)) {
    try {
      compileFilter(transformSpec.filter as Filter, `${path}.transformSpec.filter`);
    } catch (error) {
      if (!(error instanceof FilterError)) throw error;
      issues.push({ path: error.path, message: error.message });
    }
  }
}

function checkIoConfig(ioConfig: unknown, path: string, issues: SpecIssue[]): void {
  if (!isObject(ioConfig)) {
    issues.push({ path, message: 'is required' });
    return;
  }
  if (ioConfig.topicPattern !== undefined && ioConfig.topicPattern !== null) issues.push(unsupported(`${path}.topicPattern`, ioConfig.topicPattern));
  else if (typeof ioConfig.topic !== 'string' || ioConfig.topic === '') issues.push({ path: `${path}.topic`, message: 'is required' });
  const servers = isObject(ioConfig.consumerProperties) ? ioConfig.consumerProperties['bootstrap.servers'] : undefined;
  if (typeof servers !== 'string' || servers.trim() === '') issues.push({ path: `${path}.consumerProperties.bootstrap.servers`, message: 'is required' });
  checkInputFormat(ioConfig.inputFormat, `${path}.inputFormat`, issues);
  for (const field of ['taskDuration', 'lateMessageRejectionPeriod', 'earlyMessageRejectionPeriod']) checkPeriod(ioConfig[field], `${path}.${field}`, issues);
  const start = ioConfig.lateMessageRejectionStartDateTime;
  if (start !== undefined && start !== null && Number.isNaN(Date.parse(String(start)))) issues.push({ path: `${path}.lateMessageRejectionStartDateTime`, message: `"${String(start)}" is not an ISO-8601 date-time` });
  if (isObject(ioConfig.autoScalerConfig) && ioConfig.autoScalerConfig.enableTaskAutoScaler === true) issues.push(unsupported(`${path}.autoScalerConfig.enableTaskAutoScaler`, true));
  if (isObject(ioConfig.idleConfig) && ioConfig.idleConfig.enabled === true) issues.push(unsupported(`${path}.idleConfig.enabled`, true));
}

/**
 * Lists what the local engine cannot honour in a Kafka supervisor spec, in either Druid form
 * (with or without the `spec` wrapper). Paths follow the form submitted.
 */
export function checkSupported(spec: unknown): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (!isObject(spec)) return [{ path: '', message: 'a supervisor spec must be a JSON object' }];
  if (spec.type !== undefined && spec.type !== 'kafka') issues.push(unsupported('type', spec.type));
  const wrapped = isObject(spec.spec);
  const body = wrapped ? (spec.spec as Obj) : spec;
  const prefix = wrapped ? 'spec.' : '';
  checkDataSchema(body.dataSchema, `${prefix}dataSchema`, issues);
  checkIoConfig(body.ioConfig, `${prefix}ioConfig`, issues);
  if (isObject(body.ioConfig) && body.ioConfig.type !== undefined && body.ioConfig.type !== 'kafka') issues.push(unsupported(`${prefix}ioConfig.type`, body.ioConfig.type));
  if (isObject(body.tuningConfig) && body.tuningConfig.type !== undefined && body.tuningConfig.type !== 'kafka') issues.push(unsupported(`${prefix}tuningConfig.type`, body.tuningConfig.type));
  return issues;
}
