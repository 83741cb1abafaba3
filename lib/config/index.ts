export { getConfig, parseConfig, publicUrlOf, ConfigError } from './config';
export type { Config, KafkaConfig, DruidConfig, StoreLocation, MonitoringConfig } from './config';
