// The clusters this instance is configured for, as the spec checks take them: every spec that
// Tributary submits, checks with Druid's sampler or validates is held against them first.
import 'server-only';
import { getConfig } from '@/lib/config';
import type { CheckContext, OwnClusters } from '@/lib/spec';
import { publicRegistryUrl } from './schema-registry';

export function ownClusters(): OwnClusters {
  const config = getConfig();
  return {
    kafka: config.kafka.allowedForDruid,
    // The URL inference writes into specs: Druid reaches the registry where Tributary does.
    schemaRegistries: config.schemaRegistry ? [publicRegistryUrl(config.schemaRegistry.url)] : [],
  };
}

/** Spec checks with this instance's clusters; a spec that sends Druid elsewhere has an error. */
export function serverCheckContext(context: CheckContext = {}): CheckContext {
  return { ...context, ownClusters: ownClusters() };
}
