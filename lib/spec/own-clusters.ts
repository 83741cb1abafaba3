// Where a spec sends Druid: the Kafka brokers of its consumerProperties, and any schema registry
// or descriptor URL its input format names. Druid opens those connections for whoever submits
// or samples the spec, and its error texts tell an open port from a closed one, so Tributary
// passes on only specs that point at the clusters it is configured for.
import { error, isRecord, type Issue, type JsonPath } from './issue';
import type { SupervisorSpec } from './supervisor-spec';

/** The clusters a spec may send Druid to, as Druid reaches them. */
export interface OwnClusters {
  /** host:port of each Kafka broker allowed in bootstrap.servers. */
  readonly kafka: readonly string[];
  /** Schema registry URLs an input format may name; none when no registry is configured. */
  readonly schemaRegistries: readonly string[];
}

const CONSUMER_PROPERTIES = ['spec', 'ioConfig', 'consumerProperties'] as const;
const BOOTSTRAP_SERVERS = 'bootstrap.servers';
export const DYNAMIC_CONFIG_PROVIDER = 'druid.dynamic.config.provider';
/** Kafka client settings that make the consumer fetch a URL (OAuth token and key endpoints). */
const URL_PROPERTY = /\.urls?$/i;
/** What a user typed, kept short in messages. */
const SHOWN_CHARS = 100;

const shown = (text: string) => JSON.stringify(text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text);

/** host:port as Kafka compares them: surrounding spaces and letter case do not matter. */
export function sameServer(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Every server of the spec's bootstrap.servers must be one of `allowed`. A missing or malformed
 * list is the shape checks' business (Druid cannot connect with it); this one is about where to.
 */
export function issueWithBootstrapServers(spec: SupervisorSpec, allowed: readonly string[]): Issue | undefined {
  const path = [...CONSUMER_PROPERTIES, BOOTSTRAP_SERVERS];
  const value = spec.spec.ioConfig.consumerProperties[BOOTSTRAP_SERVERS];
  const use = `use ${allowed.join(',')} (an admin can allow more Kafka brokers with TRIBUTARY_ALLOWED_KAFKA)`;
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return error(path, `bootstrap.servers must be written out as host:port; ${use}`);
  const outside = value
    .split(',')
    .map((server) => server.trim())
    .filter((server) => server !== '' && !allowed.some((ok) => sameServer(ok, server)));
  if (outside.length === 0) return undefined;
  const named = outside.map(shown).join(', ');
  return error(path, `bootstrap.servers names ${named}, outside the Kafka clusters Tributary is configured for; ${use}`);
}

/** The same URL for a client: scheme, host and port, and the path without a trailing slash. */
function urlKey(text: string): string | undefined {
  try {
    const url = new URL(text);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

function registryIssue(path: JsonPath, value: unknown, allowed: readonly string[]): Issue | undefined {
  if (typeof value !== 'string') return error(path, 'the schema registry URL must be a string');
  const key = urlKey(value);
  if (key !== undefined && allowed.some((ok) => urlKey(ok) === key)) return undefined;
  if (allowed.length === 0) {
    return error(path, `the schema registry ${shown(value)} is not one Tributary is configured for, and it has none (an admin sets SCHEMA_REGISTRY_URL)`);
  }
  return error(path, `the schema registry ${shown(value)} is not the one Tributary is configured for; use ${allowed.join(', ')}`);
}

/** Decoders anywhere in the spec that make Druid fetch a URL: schema registries, schema repos, protobuf descriptors. */
function fetchedUrlIssues(value: unknown, path: JsonPath, allowed: readonly string[]): Issue[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => fetchedUrlIssues(item, [...path, i], allowed));
  if (!isRecord(value)) return [];
  const issues: Issue[] = [];
  if (value.type === 'schema_registry' || value.type === 'schema_repo') {
    const urls: [JsonPath, unknown][] = [];
    if (value.url != null) urls.push([[...path, 'url'], value.url]);
    if (Array.isArray(value.urls)) value.urls.forEach((url, i) => urls.push([[...path, 'urls', i], url]));
    for (const [at, url] of urls) {
      const issue = registryIssue(at, url, allowed);
      if (issue) issues.push(issue);
    }
  }
  // Druid opens a protobuf descriptor as a URL when it is one; a file on Druid's hosts is fine.
  if (value.type === 'file' && typeof value.descriptor === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(value.descriptor) && !/^file:/i.test(value.descriptor)) {
    issues.push(error([...path, 'descriptor'], `the protobuf descriptor ${shown(value.descriptor)} is a URL Druid would fetch; put the descriptor file on Druid's hosts and name its path`));
  }
  for (const [key, child] of Object.entries(value)) {
    if (isRecord(child) || Array.isArray(child)) issues.push(...fetchedUrlIssues(child, [...path, key], allowed));
  }
  return issues;
}

/** A dynamic config provider may set any consumer property at run time, so it may not set the ones checked here. */
function providerIssues(provider: unknown): Issue[] {
  const path = [...CONSUMER_PROPERTIES, DYNAMIC_CONFIG_PROVIDER];
  if (provider === undefined) return [];
  const keysOf = (map: unknown) => (isRecord(map) ? Object.keys(map) : []);
  let keys: string[];
  let at: string;
  if (isRecord(provider) && provider.type === 'environment') [keys, at] = [keysOf(provider.variables), 'variables'];
  else if (isRecord(provider) && provider.type === 'mapString') [keys, at] = [keysOf(provider.config), 'config'];
  else {
    const type = isRecord(provider) && typeof provider.type === 'string' ? `"${provider.type}"` : 'this';
    return [error(path, `Tributary cannot tell which consumer properties a ${type} dynamic config provider sets; use the "environment" provider`)];
  }
  return keys
    .filter((key) => key === BOOTSTRAP_SERVERS || URL_PROPERTY.test(key))
    .map((key) => error([...path, at, key], `the dynamic config provider may not set ${key}: write it in consumerProperties itself, where Tributary can check where it points`));
}

/** Everything that decides which hosts Druid connects to for this spec, against the clusters allowed. */
export function issuesWithOwnClusters(spec: SupervisorSpec, own: OwnClusters): Issue[] {
  const properties = spec.spec.ioConfig.consumerProperties;
  const issues: Issue[] = [];
  const servers = issueWithBootstrapServers(spec, own.kafka);
  if (servers) issues.push(servers);
  issues.push(...providerIssues(properties[DYNAMIC_CONFIG_PROVIDER]));
  for (const key of Object.keys(properties).filter((k) => URL_PROPERTY.test(k))) {
    issues.push(error([...CONSUMER_PROPERTIES, key], `${key} would make Druid fetch a URL a spec chooses; Tributary does not submit such consumer properties`));
  }
  if (spec.spec.ioConfig.configOverrides != null) {
    issues.push(error(['spec', 'ioConfig', 'configOverrides'], 'configOverrides can change the consumer properties where Tributary cannot check them; remove it'));
  }
  issues.push(...fetchedUrlIssues(spec, [], own.schemaRegistries));
  return issues;
}
