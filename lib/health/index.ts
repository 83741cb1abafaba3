export { checkHealth, HealthSchema } from './health';
export type { Health, HealthProbes } from './health';
