// Kafka credentials can sit in a spec's consumerProperties (sasl.jaas.config, ssl passwords, a
// password provider's or a mapString config provider's values), and a schema registry's in its
// input format. Specs reach the browser with those values hidden; the rest is shown as Druid has it.
import { isRecord } from '../spec/issue';
import { REDACTED } from '../spec/redaction';

export { REDACTED };

const SECRET_KEY = /password|secret|jaas|credential|token|authorization|user\.info$|(^|\.)key$/i;

/** A property whose value Tributary never shows: passwords, JAAS configs, tokens, keys. */
export const isSecretKey = (key: string): boolean => SECRET_KEY.test(key);

/**
 * Strings under a secret key are hidden, also inside an object there ({"type": "default",
 * "password": ...}); an "environment" provider only names variables, so it is shown.
 */
function redactValue(key: string, value: unknown, underSecret: boolean): unknown {
  const secret = underSecret || SECRET_KEY.test(key);
  if (typeof value === 'string') return secret && key !== 'type' ? REDACTED : value;
  if (Array.isArray(value)) return value.map((item) => redactValue(key, item, secret));
  if (!isRecord(value) || value.type === 'environment') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(k, v, secret)]));
}

const redactFields = (holder: Record<string, unknown>) => redactValue('', holder, false) as Record<string, unknown>;

/** A copy of the spec with secrets in consumerProperties and inputFormat replaced, in either place Druid may echo them. */
export function redactSpec<T>(spec: T): T {
  if (!isRecord(spec)) return spec;
  const inIoConfig = (holder: unknown): unknown => {
    if (!isRecord(holder) || !isRecord(holder.ioConfig)) return holder;
    const io = { ...holder.ioConfig };
    if (isRecord(io.consumerProperties)) io.consumerProperties = redactFields(io.consumerProperties);
    if (isRecord(io.inputFormat)) io.inputFormat = redactFields(io.inputFormat);
    return { ...holder, ioConfig: io };
  };
  const top = inIoConfig(spec) as Record<string, unknown>;
  return (isRecord(top.spec) ? { ...top, spec: inIoConfig(top.spec) } : top) as T;
}

export function hasRedactions(json: string): boolean {
  return json.includes(REDACTED);
}

/** A service URL fit to show: any user name and password written into it are removed. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
  } catch {
    return url;
  }
}
