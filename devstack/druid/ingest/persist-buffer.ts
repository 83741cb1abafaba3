// Rows read but not yet stored. Each flush is one "persist": rows roll up within it (as Druid
// rolls up within an in-memory index), new columns are described once, and the batch is
// appended to DuckDB in one go.
import { describeColumns, rollupRows, truncateToGranularity, type IngestRow, type IngestSpec, type RowColumn } from '@/lib/ingest';
import type { DruidStore } from '../store';

export class PersistBuffer {
  private rows: IngestRow[] = [];
  private readonly knownColumns = new Set<string>();
  private readonly columns: RowColumn[] = [];

  constructor(
    private readonly store: DruidStore,
    private readonly dataSource: string,
    private readonly ingest: IngestSpec,
    private readonly rollup: boolean,
  ) {}

  get size(): number {
    return this.rows.length;
  }

  add(row: IngestRow): void {
    this.rows.push(row);
  }

  async flush(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    if (rows.length === 0) return;
    for (const row of rows) {
      if (Object.keys(row).every((name) => this.knownColumns.has(name))) continue;
      for (const column of describeColumns(this.ingest, row)) {
        if (this.knownColumns.has(column.name)) continue;
        this.knownColumns.add(column.name);
        this.columns.push(column);
      }
    }
    const granularity = this.ingest.granularitySpec?.queryGranularity;
    const stored = this.rollup ? rollupRows(rows, this.ingest.metricsSpec ?? [], granularity) : rows.map((row) => ({ ...row, __time: truncateToGranularity(row.__time, granularity) }));
    await this.store.append(this.dataSource, stored, this.columns);
  }
}
