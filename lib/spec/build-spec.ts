// Load plan -> Kafka supervisor spec.
import { orderSpecKeys } from './export-spec';
import { IO_CONFIG_ECHO_ALIASES } from './io-config';
import { isRecord } from './issue';
import { cloneJson } from './json-value';
import type { LoadPlan } from './load-plan';
import type { SupervisorSpec } from './supervisor-spec';

export interface BuildOptions {
  /**
   * A spec to build on: fields the plan does not cover (autoScalerConfig, completionTimeout,
   * unknown extension fields...) are kept from it. Fields the plan covers are the plan's.
   */
  readonly base?: SupervisorSpec;
}

function setOrDelete(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete obj[key];
  else obj[key] = value;
}

export function buildSpec(plan: LoadPlan, options: BuildOptions = {}): SupervisorSpec {
  const base = options.base ? cloneJson(options.base) : undefined;
  const root: Record<string, unknown> = base ? { ...base } : {};
  const inner: Record<string, unknown> = isRecord(root.spec) ? { ...root.spec } : {};
  const dataSchema: Record<string, unknown> = isRecord(inner.dataSchema) ? { ...inner.dataSchema } : {};
  const ioConfig: Record<string, unknown> = isRecord(inner.ioConfig) ? { ...inner.ioConfig } : {};
  const plannedPieces = cloneJson({
    inputFormat: plan.inputFormat,
    timestampSpec: plan.timestampSpec,
    dimensionsSpec: plan.dimensionsSpec,
    metricsSpec: plan.metricsSpec,
    granularitySpec: plan.granularitySpec,
    transformSpec: plan.transformSpec,
    consumerProperties: plan.consumerProperties,
    tuning: plan.tuning,
  });

  dataSchema.dataSource = plan.datasource;
  dataSchema.timestampSpec = plannedPieces.timestampSpec;
  dataSchema.dimensionsSpec = plannedPieces.dimensionsSpec;
  // An empty metricsSpec is what Druid assumes anyway; write it only when there are metrics or the base had one.
  setOrDelete(dataSchema, 'metricsSpec', plannedPieces.metricsSpec.length > 0 || 'metricsSpec' in dataSchema ? plannedPieces.metricsSpec : undefined);
  dataSchema.granularitySpec = plannedPieces.granularitySpec;
  setOrDelete(dataSchema, 'transformSpec', plannedPieces.transformSpec);

  ioConfig.type = 'kafka';
  setOrDelete(ioConfig, 'topic', plan.topic);
  setOrDelete(ioConfig, 'topicPattern', plan.topicPattern);
  ioConfig.inputFormat = plannedPieces.inputFormat;
  // A non-string bootstrap.servers (a dynamic config provider) has no place in the plan; keep the base's.
  const baseServers = isRecord(ioConfig.consumerProperties) ? ioConfig.consumerProperties['bootstrap.servers'] : undefined;
  const servers = plan.bootstrapServers.length > 0 ? plan.bootstrapServers.join(',') : baseServers;
  ioConfig.consumerProperties = { 'bootstrap.servers': servers, ...plannedPieces.consumerProperties };
  ioConfig.useEarliestOffset = plan.useEarliestOffset;
  ioConfig.taskCount = plan.taskCount;
  ioConfig.replicas = plan.replicas;
  ioConfig.taskDuration = plan.taskDuration;
  setOrDelete(ioConfig, 'lateMessageRejectionPeriod', plan.lateMessageRejectionPeriod);
  setOrDelete(ioConfig, 'earlyMessageRejectionPeriod', plan.earlyMessageRejectionPeriod);
  // The Overlord's echo aliases would go stale once the plan changes what they mirror.
  for (const alias of Object.keys(IO_CONFIG_ECHO_ALIASES)) delete ioConfig[alias];

  inner.dataSchema = dataSchema;
  inner.ioConfig = ioConfig;
  inner.tuningConfig = { type: 'kafka', ...plannedPieces.tuning };
  root.type = 'kafka';
  root.spec = inner;
  setOrDelete(root, 'suspended', plan.suspended);
  return orderSpecKeys(root as SupervisorSpec);
}
