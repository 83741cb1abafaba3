// Kafka credentials can sit in a spec's consumerProperties (sasl.jaas.config, ssl passwords).
// Specs reach the browser with those values hidden; everything else is shown as Druid has it.
import { isRecord } from '../spec/issue';
import { REDACTED } from '../spec/redaction';

export { REDACTED };

const SECRET_KEY = /password|secret|jaas|credential|token|(^|\.)key$/i;

function redactProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [key, SECRET_KEY.test(key) && typeof value === 'string' ? REDACTED : value]),
  );
}

/** A copy of the spec with secret consumerProperties replaced, in either place Druid may echo them. */
export function redactSpec<T>(spec: T): T {
  if (!isRecord(spec)) return spec;
  const inIoConfig = (holder: unknown): unknown => {
    if (!isRecord(holder) || !isRecord(holder.ioConfig) || !isRecord(holder.ioConfig.consumerProperties)) return holder;
    return { ...holder, ioConfig: { ...holder.ioConfig, consumerProperties: redactProperties(holder.ioConfig.consumerProperties) } };
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
