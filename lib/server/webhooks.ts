// Sends alert notices to webhooks: a POST of JSON with a deadline and a few retries, never to an
// origin TRIBUTARY_WEBHOOK_ORIGINS does not allow (checked again at send time, as the setting may
// have changed since the rules were saved) and never following a redirect to somewhere else.
import 'server-only';
import { issueWithWebhookUrl, type Webhook } from '@/lib/operate/alert-rules';
import { webhookBody, type AlertNotice } from '@/lib/operate/alerts';

/** Slack answers an incoming webhook within a second or two; a receiver slower than this is down for our purpose. */
export const WEBHOOK_TIMEOUT_MS = 5_000;
/** Waits before the second and third attempts. */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [1_000, 3_000];

export interface DeliveryOptions {
  readonly timeoutMs?: number;
  readonly retryDelaysMs?: readonly number[];
}

interface Attempt {
  readonly error?: string;
  /** Whether trying again may help: a timeout, a refused connection, 429 or 5xx. */
  readonly retry: boolean;
}

async function postOnce(url: string, body: unknown, timeoutMs: number): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Tributary alerts' },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (cause?.code ?? cause?.message ?? (error as Error).message);
    return { error: reason, retry: true };
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.ok) return { retry: false };
  if (response.status >= 300 && response.status < 400) {
    return { error: `HTTP ${response.status}, a redirect${response.headers.get('location') ? ` to ${response.headers.get('location')}` : ''}, which Tributary does not follow`, retry: false };
  }
  return { error: `HTTP ${response.status}`, retry: response.status === 429 || response.status >= 500 };
}

/** Posts to one webhook; the reason it failed after every attempt, or undefined when it arrived. */
export async function postToWebhook(webhook: Webhook, body: unknown, allowedOrigins: readonly string[], options: DeliveryOptions = {}): Promise<string | undefined> {
  const refused = issueWithWebhookUrl(webhook.url, allowedOrigins);
  if (refused) return `Webhook "${webhook.id}" was not called: its URL ${refused}.`;
  const delays = options.retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS;
  let last: Attempt = { retry: true };
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, delays[attempt - 1]));
    last = await postOnce(webhook.url, body, options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
    if (!last.retry) break;
  }
  if (!last.error) return undefined;
  const tries = delays.length + 1;
  return `Webhook "${webhook.id}" failed: ${last.error}${last.retry ? ` (${tries} attempts)` : ''}.`;
}

/** Sends one notice to every webhook given, at once; the failures, one sentence each. */
export async function deliverNotice(notice: AlertNotice, webhooks: readonly Webhook[], allowedOrigins: readonly string[], options: DeliveryOptions = {}): Promise<string[]> {
  const results = await Promise.all(webhooks.map((webhook) => postToWebhook(webhook, webhookBody(webhook.format, notice), allowedOrigins, options)));
  return results.filter((error): error is string => error !== undefined);
}
