// What a native query runner receives.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasourceInfo } from '../../contract';

export interface NativeRun<Q> {
  readonly query: Q;
  /** The datasource, or undefined when it does not exist (Druid then answers with no rows). */
  readonly ds: DatasourceInfo | undefined;
  readonly connection: DuckDBConnection;
}
