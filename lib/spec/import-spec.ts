// Import of a spec as people paste it: any form, comments, trailing commas, legacy parsers.
import type { CheckContext } from './checks';
import { error, type Issue } from './issue';
import { parseJsonText, type JsonTextError } from './json-text';
import { upgradeLegacySpec } from './legacy-upgrade';
import type { SpecChange } from './spec-change';
import { normalizeSpecForm } from './spec-form';
import type { SupervisorSpec } from './supervisor-spec';
import { validateSpec } from './validate';

export interface ImportResult {
  /** The imported spec in canonical form, when it is well-formed (it may still have semantic issues). */
  readonly spec?: SupervisorSpec;
  /** The upgraded JSON even when it is not a valid spec, so the user can fix it in place. */
  readonly json?: unknown;
  readonly notes: string[];
  readonly changes: SpecChange[];
  readonly issues: Issue[];
  readonly parseError?: JsonTextError;
}

export function importSpec(text: string, context: CheckContext = {}): ImportResult {
  const parsed = parseJsonText(text);
  if (parsed.error) {
    return { notes: [], changes: [], issues: [error([], `The spec is not valid JSON: ${parsed.error.message}`)], parseError: parsed.error };
  }
  return importSpecValue(parsed.value, context, parsed.notes);
}

/** The same import for a value already parsed, e.g. a request body. */
export function importSpecValue(json: unknown, context: CheckContext = {}, notes: string[] = []): ImportResult {
  const form = normalizeSpecForm(json);
  if (form.form === 'unknown') {
    return {
      json,
      notes,
      changes: [],
      issues: [error([], 'This is not a Kafka supervisor spec: expected an object with "spec" (or "dataSchema" and "ioConfig")')],
    };
  }
  const upgraded = upgradeLegacySpec(form.value);
  const validation = validateSpec(upgraded.value, context);
  return {
    spec: validation.spec,
    json: upgraded.value,
    notes: [...notes, ...form.notes, ...upgraded.notes],
    changes: upgraded.changes,
    issues: [...upgraded.issues, ...validation.issues],
  };
}
