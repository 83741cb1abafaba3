// One call for live validation: shape (zod) and meaning (semantic checks), as one list of issues with paths.
import type { z } from 'zod';
import { semanticIssues, type CheckContext } from './checks';
import { error, getAt, pathToText, type Issue } from './issue';
import { describeValue } from './json-value';
import { normalizeSpecForm } from './spec-form';
import { supervisorSpecSchema, type SupervisorSpec } from './supervisor-spec';

export interface ValidationResult {
  /** The spec in its canonical (wrapped) form, when its shape is right. */
  readonly spec?: SupervisorSpec;
  readonly issues: Issue[];
}

/**
 * Validates a parsed spec in any of its forms (wrapped, top-level, Overlord echo). Paths refer
 * to the wrapped form. Semantic checks need a well-formed spec, so they run once the shape is right.
 */
export function validateSpec(json: unknown, context: CheckContext = {}): ValidationResult {
  const { value } = normalizeSpecForm(json);
  const parsed = supervisorSpecSchema.safeParse(value);
  if (!parsed.success) return { issues: zodIssuesToIssues(parsed.error.issues, value) };
  // The schemas only check (no transforms or defaults), so the input is the spec; returning it
  // rather than zod's copy keeps the user's key order.
  const spec = value as SupervisorSpec;
  return { spec, issues: semanticIssues(spec, context) };
}

type ZodIssue = z.core.$ZodIssue;

export function zodIssuesToIssues(zodIssues: readonly ZodIssue[], root: unknown): Issue[] {
  return zodIssues.map((issue) => {
    const { path, message } = explain(issue, keysOf(issue.path), root);
    return error(path, message);
  });
}

const keysOf = (path: readonly PropertyKey[]) => path.filter((k): k is string | number => typeof k !== 'symbol');

function explain(issue: ZodIssue, path: (string | number)[], root: unknown): { path: (string | number)[]; message: string } {
  const actual = getAt(root, path);
  const field = fieldName(path);
  if (issue.code === 'invalid_type') {
    if (actual === undefined) return { path, message: `${field} is required` };
    return { path, message: `${field} must be ${article(issue.expected)}, not ${describeValue(actual)}` };
  }
  if (issue.code === 'invalid_union') {
    // The branch that got past the type test says what is really wrong.
    const deeper = issue.errors.flat().find((e) => e.code !== 'invalid_type' || e.path.length > 0);
    if (deeper) return explain(deeper, [...path, ...keysOf(deeper.path)], root);
    return { path, message: `${field} has the wrong type: ${describeValue(actual)}` };
  }
  return { path, message: issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}` };
}

/** How a message names the field: the key, or list[index] for an array entry. */
function fieldName(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the spec';
  const last = path[path.length - 1];
  return typeof last === 'number' ? pathToText(path.slice(-2)) : last;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
