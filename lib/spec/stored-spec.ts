// A spec as Druid stores and echoes it, brought back to the form Tributary's builder writes.
// Druid 33 answers GET /supervisor/{id} (and each history entry) with every field it knows: nulls
// for what was left out, documented defaults spelled out, the sections copied beside "spec", id
// and context. Read as they are, an identical resubmit looks like a change and every diff is noise.
import { GRANULARITY_MS } from './granularity-spec';
import { IO_CONFIG_ECHO_ALIASES } from './io-config';
import { isRecord } from './issue';
import { deepEqual } from './json-value';
import { isPeriod, periodToMs } from './period';
import { importSpecValue, type ImportResult } from './import-spec';
import { TUNING_CONFIG_DEFAULTS } from './tuning-config';

type Json = Record<string, unknown>;

const SECTIONS = ['dataSchema', 'ioConfig', 'tuningConfig'];

/** Values the builder leaves out because Druid assumes them (kafka-ingestion.md, supervisor.md). */
const IO_CONFIG_OMITTED_DEFAULTS: Readonly<Record<string, readonly unknown[]>> = {
  pollTimeout: [100],
  startDelay: ['PT5S'],
  period: ['PT30S'],
  completionTimeout: ['PT30M'],
  emitTimeLagMetrics: [false],
  lagAggregator: [{ type: 'default' }],
};

const DIMENSIONS_SPEC_OMITTED_DEFAULTS: Readonly<Record<string, readonly unknown[]>> = {
  includeAllDimensions: [false],
  useSchemaDiscovery: [false],
  spatialDimensions: [[]],
  forceSegmentSortByTime: [true],
};

const JSON_FORMAT_OMITTED_DEFAULTS: Readonly<Record<string, readonly unknown[]>> = {
  keepNullColumns: [false],
  assumeNewlineDelimited: [false],
  useJsonNodeReader: [false],
  featureSpec: [{}],
  flattenSpec: [{ useFieldDiscovery: true, fields: [] }, { useFieldDiscovery: true }],
};

const KAFKA_FORMAT_OMITTED_DEFAULTS: Readonly<Record<string, readonly unknown[]>> = {
  timestampColumnName: ['kafka.timestamp'],
  topicColumnName: ['kafka.topic'],
  keyColumnName: ['kafka.key'],
  headerColumnPrefix: ['kafka.header.'],
};

/** IndexSpec fields at their defaults (IndexSpec.DEFAULT); an indexSpec made only of these is the default one. */
const INDEX_SPEC_DEFAULT_FIELDS: Readonly<Record<string, readonly unknown[]>> = {
  bitmap: [{ type: 'roaring' }, { type: 'roaring', compressRunOnSerialization: true }],
  dimensionCompression: ['lz4'],
  stringDictionaryEncoding: [{ type: 'utf8' }],
  metricCompression: ['lz4'],
  longEncoding: ['longs'],
};

function sameDefault(value: unknown, fallback: unknown): boolean {
  if (deepEqual(value, fallback)) return true;
  return typeof value === 'string' && typeof fallback === 'string' && isPeriod(value) && isPeriod(fallback) && periodToMs(value) === periodToMs(fallback);
}

function dropDefaults(obj: Json, defaults: Readonly<Record<string, readonly unknown[]>>): void {
  for (const [key, values] of Object.entries(defaults)) {
    if (key in obj && values.some((d) => sameDefault(obj[key], d))) delete obj[key];
  }
}

/** Every null in an object left out: for Druid a null field means "the default", as does an absent one. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isRecord(value)) return value;
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) if (item !== null) out[key] = withoutNulls(item);
  return out;
}

function isDefaultIndexSpec(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return Object.entries(value).every(([key, item]) => (INDEX_SPEC_DEFAULT_FIELDS[key] ?? []).some((d) => deepEqual(item, d)));
}

/** Druid echoes a dimension with its defaults spelled out; a plain string dimension is written as its name. */
function shortDimension(dimension: unknown): unknown {
  if (!isRecord(dimension) || typeof dimension.name !== 'string') return dimension;
  const out: Json = { ...dimension };
  const type = typeof out.type === 'string' ? out.type : 'string';
  if (out.multiValueHandling === 'SORTED_ARRAY') delete out.multiValueHandling;
  if (out.createBitmapIndex === (type === 'string')) delete out.createBitmapIndex;
  const keys = Object.keys(out);
  return type === 'string' && keys.every((k) => k === 'name' || k === 'type') ? out.name : out;
}

/** A named granularity in the builder's spelling: Druid echoes "HOUR" for "hour" and {"type": "none"} for "none". */
function shortGranularity(value: unknown): unknown {
  const name = typeof value === 'string' ? value : isRecord(value) && Object.keys(value).length === 1 ? value.type : undefined;
  return typeof name === 'string' && name.toLowerCase() in GRANULARITY_MS ? name.toLowerCase() : value;
}

/** Druid writes periods in seconds (PT3600S for PT1H); whole hours and minutes read better. */
function shortPeriod(value: unknown): unknown {
  const seconds = typeof value === 'string' ? /^PT(\d+)S$/.exec(value)?.[1] : undefined;
  if (seconds === undefined) return value;
  const n = Number(seconds);
  if (n > 0 && n % 3600 === 0) return `PT${n / 3600}H`;
  if (n > 0 && n % 60 === 0) return `PT${n / 60}M`;
  return value;
}

const IO_CONFIG_PERIODS = ['taskDuration', 'startDelay', 'period', 'completionTimeout', 'lateMessageRejectionPeriod', 'earlyMessageRejectionPeriod'];

function normalizeDataSchema(ds: Json): void {
  const metrics = Array.isArray(ds.metricsSpec) ? ds.metricsSpec.filter(isRecord) : [];
  if (Array.isArray(ds.metricsSpec) && ds.metricsSpec.length === 0) delete ds.metricsSpec;

  if (isRecord(ds.dimensionsSpec)) {
    const dims = { ...ds.dimensionsSpec };
    if (Array.isArray(dims.dimensions)) dims.dimensions = dims.dimensions.map(shortDimension);
    if (Array.isArray(dims.dimensionExclusions)) {
      // Druid adds __time, the timestamp column and every metric's name and input to the exclusions it echoes.
      const timestamp = isRecord(ds.timestampSpec) && typeof ds.timestampSpec.column === 'string' ? ds.timestampSpec.column : 'timestamp';
      const auto = new Set<unknown>(['__time', timestamp, ...metrics.flatMap((m) => [m.name, m.fieldName])]);
      const kept = dims.dimensionExclusions.filter((name) => !auto.has(name));
      if (kept.length > 0) dims.dimensionExclusions = kept;
      else delete dims.dimensionExclusions;
    }
    dropDefaults(dims, DIMENSIONS_SPEC_OMITTED_DEFAULTS);
    ds.dimensionsSpec = dims;
  }

  if (isRecord(ds.granularitySpec)) {
    const g: Json = { ...ds.granularitySpec };
    if (g.type === 'uniform') delete g.type;
    if (Array.isArray(g.intervals) && g.intervals.length === 0) delete g.intervals;
    if ('segmentGranularity' in g) g.segmentGranularity = shortGranularity(g.segmentGranularity);
    if ('queryGranularity' in g) g.queryGranularity = shortGranularity(g.queryGranularity);
    ds.granularitySpec = g;
  }

  if (isRecord(ds.transformSpec)) {
    const t: Json = { ...ds.transformSpec };
    if (Array.isArray(t.transforms) && t.transforms.length === 0) delete t.transforms;
    if (Object.keys(t).length === 0) delete ds.transformSpec;
    else ds.transformSpec = t;
  }
}

function normalizeInputFormat(format: Json): Json {
  const out: Json = { ...format };
  if (out.type === 'json') dropDefaults(out, JSON_FORMAT_OMITTED_DEFAULTS);
  if (out.type === 'kafka') {
    dropDefaults(out, KAFKA_FORMAT_OMITTED_DEFAULTS);
    if (isRecord(out.valueFormat)) out.valueFormat = normalizeInputFormat(out.valueFormat);
  }
  return out;
}

function normalizeIoConfig(io: Json): void {
  // The Overlord's aliases of topic and useEarliestOffset.
  const stream = io.topic ?? io.topicPattern;
  for (const [alias, source] of Object.entries(IO_CONFIG_ECHO_ALIASES)) {
    const original = source === 'topic' ? stream : io[source];
    if (alias in io && deepEqual(io[alias], original)) delete io[alias];
  }
  dropDefaults(io, IO_CONFIG_OMITTED_DEFAULTS);
  for (const key of IO_CONFIG_PERIODS) if (key in io) io[key] = shortPeriod(io[key]);
  if (isRecord(io.inputFormat)) io.inputFormat = normalizeInputFormat(io.inputFormat);
}

function normalizeTuningConfig(tuning: Json): void {
  for (const [key, values] of Object.entries(TUNING_CONFIG_DEFAULTS)) {
    if (key in tuning && values.some((d) => sameDefault(tuning[key], d))) delete tuning[key];
  }
  for (const key of ['indexSpec', 'indexSpecForIntermediatePersists']) if (isDefaultIndexSpec(tuning[key])) delete tuning[key];
}

/**
 * The spec without what Druid adds when it stores one: nulls, the copies of the sections beside
 * "spec", documented defaults the builder leaves out, the echo aliases, and an id equal to the
 * datasource. What is left reads, compares and diffs like the spec that was submitted.
 * Anything else, including fields this model does not know, is kept.
 */
export function normalizeStoredSpec(json: unknown): unknown {
  if (!isRecord(json)) return json;
  const root = withoutNulls(json) as Json;
  if (isRecord(root.spec)) {
    for (const section of SECTIONS) delete root[section];
    const inner: Json = { ...root.spec };
    if (isRecord(inner.dataSchema)) normalizeDataSchema((inner.dataSchema = { ...inner.dataSchema }) as Json);
    if (isRecord(inner.ioConfig)) normalizeIoConfig((inner.ioConfig = { ...inner.ioConfig }) as Json);
    if (isRecord(inner.tuningConfig)) normalizeTuningConfig((inner.tuningConfig = { ...inner.tuningConfig }) as Json);
    root.spec = inner;
    const dataSource = isRecord(inner.dataSchema) ? inner.dataSchema.dataSource : undefined;
    if (root.id !== undefined && root.id === dataSource) delete root.id;
  }
  if (root.suspended === false) delete root.suspended;
  return root;
}

/** A spec read from Druid (GET /supervisor/{id}, a history entry), imported after normalizeStoredSpec. */
export function importStoredSpec(json: unknown): ImportResult {
  return importSpecValue(normalizeStoredSpec(json));
}
