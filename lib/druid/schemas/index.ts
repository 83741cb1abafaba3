// Every Druid response schema, for the client and the contract tests.
export * from './common';
export * from './errors';
export * from './supervisor';
export * from './task';
export * from './sql';
export * from './native';
export * from './status';
export * from './sampler';
export * from './datasource';
