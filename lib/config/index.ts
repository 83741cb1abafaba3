export { getConfig, parseConfig, ConfigError } from './config';
export type { Config, KafkaConfig, DruidConfig, StoreLocation } from './config';
