// Druid SQL results read row by row as the Broker sends them (arrayLines), so a
// large result reaches the page while it is still being computed.
import { cancelledError, errorFromFailure, invalidResponseError, type CallSite } from '../classify';
import { DruidError } from '../errors';
import { parseDruidJson, stringifyDruidJson } from '../json';
import { columnsFromHeaderRows, sqlHeaderRowCount, type SqlColumn } from '../models/sql-result';
import { parseRequest } from '../request';
import { SqlQueryRequestSchema, type SqlQueryRequest } from '../schemas/sql';
import type { CallOptions, DruidTransport } from '../transport';

export type SqlStreamRequest = Omit<SqlQueryRequest, 'resultFormat' | 'header'>;

export interface SqlRowStream {
  readonly sqlQueryId?: string;
  readonly columns: readonly SqlColumn[];
  /**
   * The rows, each an array in column order. Iterate once. Throws a DruidError if
   * the connection breaks or the result ends early (a query failing mid-stream).
   */
  readonly rows: AsyncIterable<unknown[]>;
  /** Stops reading and closes the connection; only needed when the rows are never iterated (leaving a loop early does it). */
  cancel(): Promise<void>;
}

const CUT_OFF = 'a result that ends without its final newline: the query probably failed after it started returning rows';

async function* linesOf(body: ReadableStream<Uint8Array>, site: CallSite, signal?: AbortSignal): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let sawNewline = false;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw signal?.aborted ? cancelledError(site) : brokenStreamError(site, error);
      }
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
        sawNewline = true;
        yield buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
      }
    }
    buffer += decoder.decode();
    if (buffer !== '' || !sawNewline) throw invalidResponseError(site, 200, CUT_OFF);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function brokenStreamError(site: CallSite, error: unknown): DruidError {
  const cause = errorFromFailure(site, error);
  return new DruidError({
    ...cause,
    kind: cause.kind,
    message: `Druid's ${site.service} at ${site.url} closed the connection before the result was complete`,
    cause: error,
  });
}

function rowOf(line: string, site: CallSite): unknown[] {
  let row: unknown;
  try {
    row = parseDruidJson(line, { bigIntegers: 'string' });
  } catch (error) {
    throw invalidResponseError(site, 200, `a result line that is not valid JSON (${(error as Error).message})`, error);
  }
  if (!Array.isArray(row)) throw invalidResponseError(site, 200, 'a result line that is not a JSON array');
  return row;
}

export async function streamSql(http: DruidTransport, request: SqlStreamRequest, options: CallOptions = {}): Promise<SqlRowStream> {
  const parsed = parseRequest(SqlQueryRequestSchema, request, 'Druid SQL request');
  const flags = { header: true, typesHeader: parsed.typesHeader ?? true, sqlTypesHeader: parsed.sqlTypesHeader ?? true };
  const answer = await http.open({
    ...options,
    target: 'broker',
    method: 'POST',
    path: '/druid/v2/sql',
    body: stringifyDruidJson({ ...parsed, ...flags, resultFormat: 'arrayLines' }),
  });
  const lines = linesOf(answer.body, answer.site, options.signal);
  const nextLine = async (): Promise<string | undefined> => {
    for (;;) {
      const next = await lines.next();
      if (next.done) return undefined;
      if (next.value.trim() !== '') return next.value;
    }
  };
  const headerRows: unknown[][] = [];
  try {
    while (headerRows.length < sqlHeaderRowCount(flags)) {
      const line = await nextLine();
      if (line === undefined) throw invalidResponseError(answer.site, answer.status, 'a result that ends inside its header');
      headerRows.push(rowOf(line, answer.site));
    }
  } catch (error) {
    await lines.return(undefined);
    throw error;
  }
  async function* rows(): AsyncGenerator<unknown[]> {
    try {
      for (let line = await nextLine(); line !== undefined; line = await nextLine()) yield rowOf(line, answer.site);
    } finally {
      // Leaving a for-await loop early lands here: hang up rather than leave Druid sending.
      await lines.return(undefined);
    }
  }
  return {
    sqlQueryId: answer.headers.get('x-druid-sql-query-id') ?? undefined,
    columns: columnsFromHeaderRows(headerRows, flags.typesHeader, flags.sqlTypesHeader),
    rows: rows(),
    cancel: async () => {
      await lines.return(undefined);
    },
  };
}
