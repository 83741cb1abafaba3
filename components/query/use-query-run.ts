'use client';
// One query run at a time: its rows as they stream in, its end (count, time, truncated),
// or its error in Druid's words with the position to underline; Cancel stops it here
// and in Druid.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '@/components/ui/fetch-json';
import { sqlErrorPosition, type SqlErrorPosition } from '@/lib/query/failure';
import type { QueryMode } from '@/lib/query/history';
import type { ResultColumn } from '@/lib/query/schemas';
import { cancelQuery, runNativeQuery, runSqlQuery } from './query-client';
import { parseNativeText } from './native-text';

export type RunStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export interface RunError {
  readonly message: string;
  readonly code: string;
  readonly position?: SqlErrorPosition;
}

export interface RunState {
  readonly status: RunStatus;
  readonly mode: QueryMode;
  readonly startedAt?: number;
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly unknown[][];
  readonly rowCount?: number;
  readonly elapsedMs?: number;
  readonly truncated?: boolean;
  readonly rowLimit?: number;
  /** Druid's answer to a native query, as it came. */
  readonly nativeResults?: readonly unknown[];
  readonly error?: RunError;
}

export interface RunOutcome {
  readonly status: 'done' | 'error' | 'cancelled';
  readonly rowCount?: number;
  readonly elapsedMs?: number;
}

const IDLE: RunState = { status: 'idle', mode: 'sql', columns: [], rows: [] };

function runError(error: unknown): RunError {
  if (error instanceof ApiRequestError) {
    const position = sqlErrorPosition(error.details, error.message);
    return { message: error.message, code: error.code, ...(position ? { position } : {}) };
  }
  return { message: (error as Error)?.message ?? String(error), code: 'unexpected' };
}

export function useQueryRun() {
  const [state, setState] = useState<RunState>(IDLE);
  const current = useRef<{ abort: AbortController; kind: QueryMode; queryId: string } | undefined>(undefined);

  const cancel = useCallback(() => {
    const run = current.current;
    if (!run) return;
    current.current = undefined;
    run.abort.abort();
    void cancelQuery(run.kind, run.queryId);
    setState((s) => ({ ...s, status: 'cancelled', elapsedMs: s.startedAt ? Date.now() - s.startedAt : undefined }));
  }, []);

  // Leaving the page mid-query stops it in Druid too, rather than leaving the Broker busy for nobody.
  useEffect(() => () => {
    const run = current.current;
    if (!run) return;
    current.current = undefined;
    run.abort.abort();
    void cancelQuery(run.kind, run.queryId);
  }, []);

  const run = useCallback(async (mode: QueryMode, text: string, options: { rowLimit?: number; context?: Readonly<Record<string, unknown>> } = {}): Promise<RunOutcome> => {
    current.current?.abort.abort();
    const queryId = crypto.randomUUID();
    const abort = new AbortController();
    const startedAt = Date.now();
    const mine = () => current.current?.abort === abort;
    setState({ status: 'running', mode, startedAt, columns: [], rows: [] });

    let nativeQuery: Record<string, unknown> | undefined;
    if (mode === 'native') {
      const parsed = parseNativeText(text);
      if (!parsed.ok) {
        setState({ status: 'error', mode, columns: [], rows: [], error: { message: parsed.message, code: 'invalid_json', position: parsed.position } });
        return { status: 'error' };
      }
      const context = (parsed.query.context ?? {}) as Record<string, unknown>;
      nativeQuery = { ...parsed.query, context: { queryId, ...context } };
    }
    const kind = mode;
    current.current = { abort, kind, queryId: (nativeQuery?.context as { queryId?: string } | undefined)?.queryId ?? queryId };

    try {
      if (mode === 'sql') {
        const end = await runSqlQuery(
          { query: text, context: { ...options.context, sqlQueryId: queryId }, rowLimit: options.rowLimit },
          {
            onHeader: (columns) => mine() && setState((s) => ({ ...s, columns })),
            onRows: (rows) => mine() && setState((s) => ({ ...s, rows: s.rows.concat(rows) })),
          },
          abort.signal,
        );
        if (!mine()) return { status: 'cancelled' };
        setState((s) => ({ ...s, status: 'done', rowCount: end.rowCount, elapsedMs: end.elapsedMs, truncated: end.truncated, rowLimit: end.rowLimit }));
        return { status: 'done', rowCount: end.rowCount, elapsedMs: end.elapsedMs };
      }
      const answer = await runNativeQuery({ query: nativeQuery as { queryType: string; dataSource: unknown } }, abort.signal);
      if (!mine()) return { status: 'cancelled' };
      setState({
        status: 'done',
        mode,
        startedAt,
        columns: answer.table.columns,
        rows: answer.table.rows,
        rowCount: answer.table.rows.length,
        elapsedMs: answer.elapsedMs,
        truncated: false,
        nativeResults: answer.results,
      });
      return { status: 'done', rowCount: answer.table.rows.length, elapsedMs: answer.elapsedMs };
    } catch (error) {
      if (!mine() || abort.signal.aborted) return { status: 'cancelled' };
      setState((s) => ({ ...s, status: 'error', elapsedMs: Date.now() - startedAt, error: runError(error) }));
      return { status: 'error', elapsedMs: Date.now() - startedAt };
    } finally {
      if (mine()) current.current = undefined;
    }
  }, []);

  return { state, run, cancel };
}
