// Queries in flight, by id, so DELETE /druid/v2/sql/{id} and DELETE /druid/v2/{id} can cancel
// them. The query side shares one DuckDB connection, which runs one statement at a time, so
// queries wait their turn here; interrupting the connection stops the one that is running.

import type { DuckDBConnection } from '@duckdb/node-api';
import { queryCancelled, queryTimeout } from './errors';

interface Entry {
  cancelled: boolean;
  timedOut: boolean;
  active: boolean;
  cancelWaiting?: () => void;
}

export class RunningQueries {
  private readonly entries = new Map<string, Entry>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly connection: DuckDBConnection) {}

  async run<T>(queryId: string, timeoutMs: number | undefined, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const entry: Entry = { cancelled: false, timedOut: false, active: false };
    this.entries.set(queryId, entry);
    const previous = this.tail;
    const turn = new Promise<void>((resolve, reject) => {
      entry.cancelWaiting = () => reject(queryCancelled(queryId));
      previous.then(() => resolve(), () => resolve());
    });
    const done = turn.then(async () => {
      if (entry.cancelled) throw queryCancelled(queryId);
      entry.active = true;
      const timer = timeoutMs && timeoutMs > 0 ? setTimeout(() => this.interrupt(entry, 'timeout'), timeoutMs) : undefined;
      try {
        return await work(this.connection);
      } catch (error) {
        if (entry.timedOut) throw queryTimeout(queryId, timeoutMs ?? 0);
        if (entry.cancelled) throw queryCancelled(queryId);
        throw error;
      } finally {
        if (timer) clearTimeout(timer);
        entry.active = false;
      }
    });
    // A query cancelled while waiting must not let the next one overtake the one still running.
    this.tail = Promise.allSettled([previous, done]);
    try {
      return await done;
    } finally {
      if (this.entries.get(queryId) === entry) this.entries.delete(queryId);
    }
  }

  /** True when a query with this id was running or waiting and is now being cancelled. */
  cancel(queryId: string): boolean {
    const entry = this.entries.get(queryId);
    if (!entry) return false;
    this.interrupt(entry, 'cancel');
    return true;
  }

  private interrupt(entry: Entry, why: 'cancel' | 'timeout'): void {
    if (why === 'cancel') entry.cancelled = true;
    else entry.timedOut = true;
    if (entry.active) this.connection.interrupt();
    else if (why === 'cancel') entry.cancelWaiting?.();
  }
}
