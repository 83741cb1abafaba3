// A Kafka supervisor spec as the Overlord keeps it: either submitted form (with or without the
// `spec` wrapper) normalized to Druid's echo, with the server defaults Druid fills in.
// Defaults follow testdata/druid-contract/overlord.supervisor.spec.response.json.
import { checkSupported, periodToMs, type IngestSpec, type SpecIssue } from '@/lib/ingest';
import { normalizeSpecForm, upgradeLegacySpec } from '@/lib/spec';

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value);

const INDEX_SPEC = { bitmap: { type: 'roaring' }, dimensionCompression: 'lz4', stringDictionaryEncoding: { type: 'utf8' }, metricCompression: 'lz4', longEncoding: 'longs' };

const TUNING_DEFAULTS: Obj = {
  type: 'kafka',
  appendableIndexSpec: { type: 'onheap', preserveExistingMetrics: false },
  maxRowsInMemory: 150000,
  maxBytesInMemory: 0,
  skipBytesInMemoryOverheadCheck: false,
  maxRowsPerSegment: 5000000,
  maxTotalRows: null,
  intermediatePersistPeriod: 'PT10M',
  maxPendingPersists: 0,
  indexSpec: INDEX_SPEC,
  indexSpecForIntermediatePersists: INDEX_SPEC,
  reportParseExceptions: false,
  handoffConditionTimeout: 0,
  resetOffsetAutomatically: false,
  segmentWriteOutMediumFactory: null,
  workerThreads: null,
  chatRetries: 8,
  httpTimeout: 'PT10S',
  shutdownTimeout: 'PT80S',
  offsetFetchPeriod: 'PT30S',
  intermediateHandoffPeriod: 'P2147483647D',
  logParseExceptions: false,
  maxParseExceptions: 2147483647,
  maxSavedParseExceptions: 0,
  skipSequenceNumberAvailabilityCheck: false,
  repartitionTransitionDuration: 'PT120S',
};

export interface SupervisorSpec {
  readonly id: string;
  readonly dataSource: string;
  readonly topic: string;
  readonly bootstrapServers: string;
  readonly useEarliestOffset: boolean;
  readonly taskDurationMs: number;
  readonly taskCount: number;
  readonly rollup: boolean;
  readonly ingest: IngestSpec;
  readonly ioConfig: Obj;
  /** Druid's echo: the spec at top level and under `spec`, with defaults filled in. */
  readonly echo: Obj;
}

export class SpecRejected extends Error {
  constructor(readonly issues: readonly SpecIssue[]) {
    super(issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; '));
  }
}

function dimensionObject(dimension: unknown): Obj {
  const base: Obj = typeof dimension === 'string' ? { type: 'string', name: dimension } : { type: 'string', ...(dimension as Obj) };
  const stringLike = base.type === 'string';
  return { type: base.type, name: base.name, multiValueHandling: base.multiValueHandling ?? 'SORTED_ARRAY', createBitmapIndex: base.createBitmapIndex ?? stringLike, ...base };
}

/** Druid echoes simple granularities by name in upper case, and `none`/`all` as objects. */
function echoGranularity(value: unknown, fallback: string): unknown {
  const granularity = value ?? fallback;
  if (typeof granularity !== 'string') return granularity;
  const lower = granularity.toLowerCase();
  return lower === 'none' || lower === 'all' ? { type: lower } : granularity.toUpperCase();
}

function normalizeDataSchema(dataSchema: Obj): Obj {
  const timestampSpec = isObject(dataSchema.timestampSpec) ? dataSchema.timestampSpec : {};
  const column = (timestampSpec.column as string | undefined) ?? 'timestamp';
  const dimensionsSpec = isObject(dataSchema.dimensionsSpec) ? dataSchema.dimensionsSpec : {};
  const metricsSpec = Array.isArray(dataSchema.metricsSpec) ? (dataSchema.metricsSpec as Obj[]) : [];
  const exclusions = new Set<string>(Array.isArray(dimensionsSpec.dimensionExclusions) ? (dimensionsSpec.dimensionExclusions as string[]) : []);
  exclusions.add('__time');
  exclusions.add(column);
  for (const metric of metricsSpec) {
    if (typeof metric.name === 'string') exclusions.add(metric.name);
    if (typeof metric.fieldName === 'string') exclusions.add(metric.fieldName);
  }
  const granularitySpec = isObject(dataSchema.granularitySpec) ? dataSchema.granularitySpec : {};
  const transformSpec = isObject(dataSchema.transformSpec) ? dataSchema.transformSpec : {};
  return {
    ...dataSchema,
    dataSource: dataSchema.dataSource,
    timestampSpec: { column, format: timestampSpec.format ?? 'auto', missingValue: timestampSpec.missingValue ?? null },
    dimensionsSpec: {
      ...dimensionsSpec,
      dimensions: (Array.isArray(dimensionsSpec.dimensions) ? dimensionsSpec.dimensions : []).map(dimensionObject),
      dimensionExclusions: [...exclusions].sort(),
      includeAllDimensions: dimensionsSpec.includeAllDimensions ?? false,
      useSchemaDiscovery: dimensionsSpec.useSchemaDiscovery ?? false,
    },
    metricsSpec,
    granularitySpec: {
      type: 'uniform',
      ...granularitySpec,
      segmentGranularity: echoGranularity(granularitySpec.segmentGranularity, 'DAY'),
      queryGranularity: echoGranularity(granularitySpec.queryGranularity, 'NONE'),
      rollup: granularitySpec.rollup ?? true,
      intervals: granularitySpec.intervals ?? [],
    },
    transformSpec: { filter: transformSpec.filter ?? null, transforms: transformSpec.transforms ?? [] },
  };
}

function normalizeIoConfig(ioConfig: Obj): Obj {
  const { type: _type, ...rest } = ioConfig;
  const taskDurationMs = periodToMs(String(ioConfig.taskDuration ?? 'PT1H'));
  const useEarliestOffset = ioConfig.useEarliestOffset === true;
  return {
    topic: ioConfig.topic,
    inputFormat: ioConfig.inputFormat,
    replicas: 1,
    taskCount: 1,
    consumerProperties: {},
    autoScalerConfig: null,
    pollTimeout: 100,
    startDelay: 'PT5S',
    period: 'PT30S',
    completionTimeout: 'PT1800S',
    lateMessageRejectionPeriod: null,
    earlyMessageRejectionPeriod: null,
    lateMessageRejectionStartDateTime: null,
    configOverrides: null,
    idleConfig: null,
    ...rest,
    taskDuration: `PT${Math.round(taskDurationMs / 1000)}S`,
    useEarliestOffset,
    stream: ioConfig.topic,
    useEarliestSequenceNumber: useEarliestOffset,
  };
}

/** Validates and normalizes a submitted spec; throws SpecRejected naming every unsupported field. */
export function readSupervisorSpec(submittedBody: unknown, suspendedOverride?: boolean): SupervisorSpec {
  const body = withoutLegacyParser(submittedBody);
  const issues = checkSupported(body);
  if (issues.length > 0) throw new SpecRejected(issues);
  const submitted = body as Obj;
  const inner = (isObject(submitted.spec) ? submitted.spec : submitted) as Obj;
  const dataSchema = normalizeDataSchema(inner.dataSchema as Obj);
  const ioConfig = normalizeIoConfig(inner.ioConfig as Obj);
  const tuningConfig = { ...TUNING_DEFAULTS, ...(isObject(inner.tuningConfig) ? inner.tuningConfig : {}) };
  const suspended = suspendedOverride ?? submitted.suspended === true;
  const echo: Obj = {
    type: 'kafka',
    spec: { dataSchema, ioConfig, tuningConfig },
    dataSchema,
    tuningConfig,
    ioConfig,
    context: submitted.context ?? null,
    suspended,
  };
  const granularitySpec = dataSchema.granularitySpec as Obj;
  const id = typeof submitted.id === 'string' && submitted.id ? submitted.id : String(dataSchema.dataSource);
  return {
    id,
    dataSource: String(dataSchema.dataSource),
    topic: String(ioConfig.topic),
    bootstrapServers: String((ioConfig.consumerProperties as Obj)['bootstrap.servers']),
    useEarliestOffset: ioConfig.useEarliestOffset === true,
    taskDurationMs: periodToMs(String(ioConfig.taskDuration)),
    taskCount: Number(ioConfig.taskCount ?? 1),
    rollup: granularitySpec.rollup === true,
    ioConfig,
    ingest: {
      inputFormat: ioConfig.inputFormat as IngestSpec['inputFormat'],
      timestampSpec: dataSchema.timestampSpec as IngestSpec['timestampSpec'],
      dimensionsSpec: dataSchema.dimensionsSpec as IngestSpec['dimensionsSpec'],
      metricsSpec: dataSchema.metricsSpec as IngestSpec['metricsSpec'],
      transformSpec: dataSchema.transformSpec as IngestSpec['transformSpec'],
      granularitySpec: granularitySpec as IngestSpec['granularitySpec'],
    },
    echo,
  };
}

/** The same spec with a different suspended flag, as suspend/resume echo it. */
export function withSuspended(spec: SupervisorSpec, suspended: boolean): SupervisorSpec {
  return { ...spec, echo: { ...spec.echo, suspended } };
}

/** Whether two specs would ingest the same way (resubmitting one is harmless). */
export function sameSpec(a: SupervisorSpec, b: SupervisorSpec): boolean {
  const { suspended: _a, ...restA } = a.echo;
  const { suspended: _b, ...restB } = b.echo;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/**
 * Druid still accepts the deprecated parser-based specs people paste from older guides (the
 * seeds submit them with curl). The engine reads them through lib/spec's upgrade to
 * inputFormat, and keeps and echoes that upgraded form.
 */
function withoutLegacyParser(body: unknown): unknown {
  const inner = isObject(body) ? ((isObject(body.spec) ? body.spec : body) as Obj) : undefined;
  if (!inner || !isObject(inner.dataSchema) || inner.dataSchema.parser === undefined) return body;
  const form = normalizeSpecForm(body);
  if (form.form === 'unknown') return body;
  const upgraded = upgradeLegacySpec(form.value);
  return upgraded.issues.some((issue) => issue.severity === 'error') ? body : upgraded.value;
}
