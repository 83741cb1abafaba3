// Export: the spec as JSON in Druid's own key order, and as the curl command people submit it with.
import { isRecord } from './issue';
import type { SupervisorSpec } from './supervisor-spec';

const TOP_ORDER = ['type', 'id', 'spec'];
const SPEC_ORDER = ['dataSchema', 'ioConfig', 'tuningConfig'];
const DATA_SCHEMA_ORDER = ['dataSource', 'timestampSpec', 'dimensionsSpec', 'metricsSpec', 'granularitySpec', 'transformSpec'];
const IO_CONFIG_ORDER = [
  'type',
  'topic',
  'topicPattern',
  'inputFormat',
  'consumerProperties',
  'useEarliestOffset',
  'taskCount',
  'replicas',
  'taskDuration',
];
const CONSUMER_PROPERTIES_ORDER = ['bootstrap.servers'];

function ordered(obj: Record<string, unknown>, first: readonly string[], last: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of first) if (key in obj) out[key] = obj[key];
  for (const [key, value] of Object.entries(obj)) if (!(key in out) && !last.includes(key)) out[key] = value;
  for (const key of last) if (key in obj) out[key] = obj[key];
  return out;
}

/** The same spec with keys in a stable order, so exports and diffs read the same every time. */
export function orderSpecKeys(spec: SupervisorSpec): SupervisorSpec {
  const inner = spec.spec as Record<string, unknown>;
  const orderedInner = ordered(inner, SPEC_ORDER);
  if (isRecord(inner.dataSchema)) orderedInner.dataSchema = ordered(inner.dataSchema, DATA_SCHEMA_ORDER);
  if (isRecord(inner.ioConfig)) {
    const io = ordered(inner.ioConfig, IO_CONFIG_ORDER);
    if (isRecord(io.consumerProperties)) io.consumerProperties = ordered(io.consumerProperties, CONSUMER_PROPERTIES_ORDER);
    orderedInner.ioConfig = io;
  }
  if (isRecord(inner.tuningConfig)) orderedInner.tuningConfig = ordered(inner.tuningConfig, ['type']);
  return { ...ordered(spec, TOP_ORDER, ['suspended']), spec: orderedInner } as SupervisorSpec;
}

export function specToJson(spec: SupervisorSpec): string {
  return JSON.stringify(orderSpecKeys(spec), null, 2);
}

export const SUPERVISOR_PATH = '/druid/indexer/v1/supervisor';
const HEREDOC_END = 'TRIBUTARY_SPEC';

/**
 * A shell command that submits the spec to the Overlord (or a Router). The spec goes through a
 * quoted heredoc, so nothing in it is expanded by the shell; pretty-printed JSON has no line equal
 * to the terminator because strings cannot hold raw newlines.
 */
export function specToCurl(spec: SupervisorSpec, overlordUrl: string): string {
  const url = supervisorEndpoint(overlordUrl);
  return [
    `curl -X POST -H 'Content-Type: application/json' --data-binary @- ${shellQuote(url)} <<'${HEREDOC_END}'`,
    specToJson(spec),
    HEREDOC_END,
    '',
  ].join('\n');
}

export function supervisorEndpoint(overlordUrl: string): string {
  let url: URL;
  try {
    url = new URL(overlordUrl.trim());
  } catch {
    throw new Error(`"${overlordUrl}" is not a URL; give the Overlord or Router address, such as http://localhost:8888`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`"${overlordUrl}" must start with http:// or https://`);
  }
  const base = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  return base.endsWith(SUPERVISOR_PATH) ? base : `${base}${SUPERVISOR_PATH}`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
