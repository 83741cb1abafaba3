// createDruidClient: one object with a group of typed calls per Druid API.
import type { DruidConfig } from '@/lib/config';
import { datasourcesApi, samplerApi, statusApi, type DatasourcesApi, type SamplerApi, type StatusApi } from './api/cluster';
import { nativeApi, type NativeApi } from './api/native';
import { sqlApi, type SqlApi } from './api/sql';
import { supervisorsApi, type SupervisorsApi } from './api/supervisors';
import { tasksApi, type TasksApi } from './api/tasks';
import { DruidTransport, type DruidClientOptions } from './transport';

export interface DruidClient {
  readonly supervisors: SupervisorsApi;
  readonly tasks: TasksApi;
  readonly sql: SqlApi;
  readonly native: NativeApi;
  readonly datasources: DatasourcesApi;
  readonly status: StatusApi;
  readonly sampler: SamplerApi;
  /** Closes pooled connections; the client cannot be used afterwards. */
  close(): Promise<void>;
}

export function createDruidClient(config: DruidConfig, options: DruidClientOptions = {}): DruidClient {
  const http = new DruidTransport(config, options);
  return {
    supervisors: supervisorsApi(http),
    tasks: tasksApi(http),
    sql: sqlApi(http),
    native: nativeApi(http),
    datasources: datasourcesApi(http),
    status: statusApi(http),
    sampler: samplerApi(http),
    close: () => http.close(),
  };
}
