// The app's one error shape on the wire: { error: { code, message, details? } }.
// Errors from lib/ modules that know their HTTP meaning implement ApiErrorSource.

export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}

export interface ApiErrorInfo {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

/** Anything that can describe itself as an API error (DruidError, KafkaError, ...). */
export interface ApiErrorSource {
  toApiError(): ApiErrorInfo;
}

export class ApiError extends Error implements ApiErrorSource {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toApiError(): ApiErrorInfo {
    return { status: this.status, code: this.code, message: this.message, details: this.details };
  }
}

export function isApiErrorSource(error: unknown): error is ApiErrorSource {
  return typeof error === 'object' && error !== null && typeof (error as ApiErrorSource).toApiError === 'function';
}

export function errorBody(info: Omit<ApiErrorInfo, 'status'>): ApiErrorBody {
  return { error: info.details === undefined ? { code: info.code, message: info.message } : { code: info.code, message: info.message, details: info.details } };
}
