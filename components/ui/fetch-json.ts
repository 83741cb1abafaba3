// Browser-side calls to the app's own API. Errors come back as { error: { code, message } };
// they are raised as ApiRequestError so views can show the message as it is.

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** The server takes only JSON for anything but a read (a cross-site page cannot send that without asking). */
const READS = new Set(['GET', 'HEAD']);

export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  let response: Response;
  const sendsJson = Boolean(init?.body) || !READS.has((init?.method ?? 'GET').toUpperCase());
  try {
    response = await fetch(input, {
      ...init,
      headers: { accept: 'application/json', ...(sendsJson ? { 'content-type': 'application/json' } : {}), ...init?.headers },
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'network', 'Tributary\'s server cannot be reached. Is it still running?');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiRequestError(response.status, 'invalid_response', `Tributary's server answered HTTP ${response.status} with a body that is not JSON.`);
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiRequestError(response.status, error?.code ?? 'http', error?.message ?? `HTTP ${response.status}`, error?.details);
  }
  return body as T;
}
