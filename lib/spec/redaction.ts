// The placeholder Tributary shows instead of a secret (lib/operate's redaction writes it). A spec
// sent back with it would hand Druid the placeholder as the password, so it is never a value.
import { error, isRecord, type Issue, type JsonPath } from './issue';

export const REDACTED = '[hidden by Tributary]';

/** One error at each value that still holds the placeholder, wherever it sits in the spec. */
export function issuesWithRedactedValues(json: unknown, path: JsonPath = []): Issue[] {
  if (typeof json === 'string') {
    return json.includes(REDACTED)
      ? [error(path, `this value is "${REDACTED}", the placeholder Tributary shows instead of a secret: type the secret again, or leave the field out`)]
      : [];
  }
  if (Array.isArray(json)) return json.flatMap((item, i) => issuesWithRedactedValues(item, [...path, i]));
  if (isRecord(json)) return Object.entries(json).flatMap(([key, value]) => issuesWithRedactedValues(value, [...path, key]));
  return [];
}
