// Errors in Druid's query-error shapes (docs/querying/querying.md "Query execution failures").
// Legacy codes such as "SQL parse failed" keep their code in `error`, as Druid's compatibility
// envelope does, so clients reading either the legacy or the DruidException form understand them.

/** Where the engine answers from: it is not Druid and says so in every error. */
export const ENGINE_HOST = 'tributary-local-engine';

export interface SqlPosition {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

type Category = 'INVALID_INPUT' | 'NOT_FOUND' | 'CANCELED' | 'TIMEOUT' | 'UNSUPPORTED' | 'UNCATEGORIZED';

const STATUS_BY_CATEGORY: Record<Category, number> = {
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CANCELED: 500,
  TIMEOUT: 504,
  UNSUPPORTED: 501,
  UNCATEGORIZED: 500,
};

export class BrokerError extends Error {
  readonly status: number;

  constructor(
    readonly code: string,
    message: string,
    readonly category: Category,
    readonly errorClass: string,
    readonly position?: SqlPosition,
  ) {
    super(message);
    this.status = STATUS_BY_CATEGORY[category];
  }

  toBody(): Record<string, unknown> {
    const context: Record<string, string> = {};
    if (this.position) {
      context.sourceType = 'sql';
      for (const [key, value] of Object.entries(this.position)) context[key] = String(value);
    }
    return {
      error: this.code,
      errorMessage: this.message,
      errorClass: this.errorClass,
      host: ENGINE_HOST,
      errorCode: this.category === 'INVALID_INPUT' ? 'invalidInput' : 'legacyQueryException',
      persona: 'USER',
      category: this.category,
      context,
    };
  }
}

export const sqlParseFailed = (message: string, position?: SqlPosition) =>
  new BrokerError('SQL parse failed', withPosition(message, position), 'INVALID_INPUT', 'org.apache.calcite.sql.parser.SqlParseException', position);

export const planValidationFailed = (message: string, position?: SqlPosition) =>
  new BrokerError('Plan validation failed', withPosition(message, position), 'INVALID_INPUT', 'org.apache.calcite.tools.ValidationException', position);

/** A native query or request body the engine cannot run as written: Druid 27+ answers these as DruidException. */
export const invalidQuery = (message: string) =>
  new BrokerError('druidException', message, 'INVALID_INPUT', 'org.apache.druid.error.DruidException');

export const resourceLimitExceeded = (message: string) =>
  new BrokerError('Resource limit exceeded', message, 'INVALID_INPUT', 'org.apache.druid.query.ResourceLimitExceededException');

export const queryCancelled = (queryId: string) =>
  new BrokerError('Query cancelled', `Query [${queryId}] was cancelled.`, 'CANCELED', 'org.apache.druid.query.QueryInterruptedException');

export const queryTimeout = (queryId: string, timeoutMs: number) =>
  new BrokerError('Query timeout', `Query [${queryId}] timed out after ${timeoutMs} ms.`, 'TIMEOUT', 'java.util.concurrent.TimeoutException');

export const notFound = (message: string) =>
  new BrokerError('Not found', message, 'NOT_FOUND', 'javax.ws.rs.NotFoundException');

export const unknownException = (message: string) =>
  new BrokerError('Unknown exception', message, 'UNCATEGORIZED', 'java.lang.RuntimeException');

function withPosition(message: string, position?: SqlPosition): string {
  return position ? `${message} (line [${position.line}], column [${position.column}])` : message;
}
