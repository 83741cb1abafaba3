export { getConfig, parseConfig, ConfigError } from './config';
export type { Config, KafkaConfig, DruidConfig, StoreLocation, MonitoringConfig } from './config';
