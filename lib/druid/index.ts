// Tributary's typed client for Druid's HTTP APIs, its response schemas, and the
// pure models the UI derives from them. Server-only as a whole (it reads the CA
// file and uses undici); browser code imports ./models and ./schemas instead.
export { createDruidClient, type DruidClient } from './client';
export { DruidError, isDruidError, toApiError, type ApiError, type DruidErrorKind, type DruidService } from './errors';
export type { CallOptions, DruidClientOptions, DruidTarget, FetchLike, FetchInit, FetchResponse } from './transport';
export type { SupervisorsApi, SubmitOptions } from './api/supervisors';
export type { TasksApi, TaskListFilter, TaskLogOptions } from './api/tasks';
export type { SqlApi, SqlQueryResult } from './api/sql';
export type { SqlRowStream, SqlStreamRequest } from './api/sql-stream';
export type { NativeApi, NativeQueryResult } from './api/native';
export type { DatasourcesApi, StatusApi, SamplerApi } from './api/cluster';
export * from './models';
export * from './schemas';
