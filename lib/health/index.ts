export { checkHealth, isLocalEngine, HealthSchema, LOCAL_ENGINE_MARKER } from './health';
export type { Health, HealthProbes } from './health';
