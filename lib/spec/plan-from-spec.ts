// Kafka supervisor spec -> load plan, so edits made to the JSON flow back into the wizard's form.
import { IO_CONFIG_ECHO_ALIASES, IO_CONFIG_DEFAULTS, bootstrapServersOf } from './io-config';
import { pathToText } from './issue';
import { cloneJson } from './json-value';
import type { LoadPlan } from './load-plan';
import type { SupervisorSpec } from './supervisor-spec';
import { DEFAULT_TIMESTAMP_COLUMN, DEFAULT_TIMESTAMP_FORMAT } from './timestamp-spec';

export interface PlanFromSpec {
  readonly plan: LoadPlan;
  /** Spec fields the plan has no place for; buildSpec keeps them when given this spec as its base. */
  readonly unmapped: string[];
  /** Plan fields the spec left out, filled with Druid's defaults; useEarliestOffset among them deserves a question. */
  readonly defaulted: string[];
}

const MAPPED_TOP = new Set(['type', 'spec', 'suspended']);
const MAPPED_SPEC = new Set(['dataSchema', 'ioConfig', 'tuningConfig']);
const MAPPED_DATA_SCHEMA = new Set(['dataSource', 'timestampSpec', 'dimensionsSpec', 'metricsSpec', 'granularitySpec', 'transformSpec']);
const MAPPED_IO_CONFIG = new Set([
  'type',
  'topic',
  'topicPattern',
  'inputFormat',
  'consumerProperties',
  'useEarliestOffset',
  'taskCount',
  'replicas',
  'taskDuration',
  'lateMessageRejectionPeriod',
  'earlyMessageRejectionPeriod',
  ...Object.keys(IO_CONFIG_ECHO_ALIASES),
]);

function unmappedKeys(obj: Record<string, unknown>, mapped: Set<string>, path: string[]): string[] {
  // A null is how the Overlord echoes "not set"; it carries nothing the form would lose.
  return Object.keys(obj)
    .filter((k) => !mapped.has(k) && obj[k] !== null)
    .map((k) => pathToText([...path, k]));
}

export function planFromSpec(source: SupervisorSpec): PlanFromSpec {
  const spec = cloneJson(source);
  const { dataSchema, ioConfig, tuningConfig } = spec.spec;
  const defaulted: string[] = [];
  const orDefault = <T>(value: T | undefined | null, fallback: T, path: string[]): T => {
    if (value !== undefined && value !== null) return value;
    defaulted.push(pathToText(path));
    return fallback;
  };
  const { 'bootstrap.servers': _servers, ...consumerProperties } = ioConfig.consumerProperties;
  const { type: _type, ...tuning } = tuningConfig ?? { type: 'kafka' };
  const io = ['spec', 'ioConfig'];
  const ds = ['spec', 'dataSchema'];

  const plan: LoadPlan = {
    topic: ioConfig.topic ?? undefined,
    topicPattern: ioConfig.topicPattern ?? undefined,
    datasource: dataSchema.dataSource,
    bootstrapServers: bootstrapServersOf(ioConfig),
    consumerProperties,
    inputFormat: orDefault(ioConfig.inputFormat, { type: 'json' }, [...io, 'inputFormat']),
    timestampSpec: orDefault(dataSchema.timestampSpec, { column: DEFAULT_TIMESTAMP_COLUMN, format: DEFAULT_TIMESTAMP_FORMAT }, [...ds, 'timestampSpec']),
    dimensionsSpec: orDefault(dataSchema.dimensionsSpec, {}, [...ds, 'dimensionsSpec']),
    metricsSpec: dataSchema.metricsSpec ?? [],
    granularitySpec: orDefault(dataSchema.granularitySpec, {}, [...ds, 'granularitySpec']),
    transformSpec: dataSchema.transformSpec ?? undefined,
    useEarliestOffset: orDefault(ioConfig.useEarliestOffset, IO_CONFIG_DEFAULTS.useEarliestOffset as boolean, [...io, 'useEarliestOffset']),
    taskCount: orDefault(ioConfig.taskCount, IO_CONFIG_DEFAULTS.taskCount as number, [...io, 'taskCount']),
    replicas: orDefault(ioConfig.replicas, IO_CONFIG_DEFAULTS.replicas as number, [...io, 'replicas']),
    taskDuration: orDefault(ioConfig.taskDuration, IO_CONFIG_DEFAULTS.taskDuration as string, [...io, 'taskDuration']),
    lateMessageRejectionPeriod: ioConfig.lateMessageRejectionPeriod ?? undefined,
    earlyMessageRejectionPeriod: ioConfig.earlyMessageRejectionPeriod ?? undefined,
    tuning,
    suspended: spec.suspended ?? undefined,
  };

  const unmapped = [
    ...unmappedKeys(spec, MAPPED_TOP, []),
    ...unmappedKeys(spec.spec, MAPPED_SPEC, ['spec']),
    ...unmappedKeys(dataSchema, MAPPED_DATA_SCHEMA, ds),
    ...unmappedKeys(ioConfig, MAPPED_IO_CONFIG, io),
  ];
  if (typeof ioConfig.consumerProperties['bootstrap.servers'] !== 'string') unmapped.push(pathToText([...io, 'consumerProperties', 'bootstrap.servers']));
  return { plan, unmapped, defaulted };
}
