// A streamed SQL result -> the NDJSON events the page reads: header, row batches, end.
// Stops reading at the row limit (and hangs up on Druid) so a huge result cannot
// flood the browser; the end event says so.
import { ROW_BATCH_SIZE, type ResultColumn, type SqlStreamEvent } from './schemas';

/** A batch not yet full is sent after this long, so a slow result shows progress. */
export const FLUSH_INTERVAL_MS = 250;

export interface RowSource {
  readonly sqlQueryId?: string;
  readonly columns: readonly ResultColumn[];
  readonly rows: AsyncIterable<unknown[]>;
}

export interface SqlEventOptions {
  readonly rowLimit: number;
  readonly batchSize?: number;
  /** When the query was sent, for the elapsed time in the end event. */
  readonly startedAt: number;
  readonly now?: () => number;
}

export async function* sqlEvents(source: RowSource, options: SqlEventOptions): AsyncGenerator<SqlStreamEvent> {
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? ROW_BATCH_SIZE;
  yield { type: 'header', sqlQueryId: source.sqlQueryId, columns: source.columns.map((column) => ({ ...column })) };
  let batch: unknown[][] = [];
  let rowCount = 0;
  let truncated = false;
  let lastFlush = now();
  try {
    for await (const row of source.rows) {
      if (rowCount >= options.rowLimit) {
        // One row past the limit proves there was more; leaving the loop closes Druid's stream.
        truncated = true;
        break;
      }
      batch.push(row);
      rowCount++;
      // Full batches for fast results; a slow trickle is still shown as it comes.
      if (batch.length >= batchSize || now() - lastFlush >= FLUSH_INTERVAL_MS) {
        yield { type: 'rows', rows: batch };
        batch = [];
        lastFlush = now();
      }
    }
  } catch (error) {
    // The rows that did arrive are still worth showing beside the error.
    if (batch.length > 0) yield { type: 'rows', rows: batch };
    throw error;
  }
  if (batch.length > 0) yield { type: 'rows', rows: batch };
  yield { type: 'end', rowCount, elapsedMs: Math.round(now() - options.startedAt), truncated, rowLimit: options.rowLimit };
}
