// The rules editor's draft: what the admin typed, kept as text so a half-typed number stays as
// typed, turned into a rules document and checked with the same schema and origin rule the
// server applies; problems are keyed by field path (rules.0.threshold), like the server's.
import { ApiRequestError } from '@/components/ui/fetch-json';
import {
  ALERT_KIND_INFO,
  AlertRulesDocumentSchema,
  rulesDocumentProblems,
  type AlertKind,
  type AlertRulesDocument,
  type Webhook,
} from '@/lib/operate/alert-rules';

export interface RuleDraft {
  readonly id: string;
  readonly kind: AlertKind;
  readonly enabled: boolean;
  readonly threshold: string;
  readonly forMinutes: string;
  /** "all", or supervisor ids separated by commas. */
  readonly supervisors: string;
}

export type WebhookDraft = Webhook;

export interface RulesDraft {
  readonly rules: readonly RuleDraft[];
  readonly webhooks: readonly WebhookDraft[];
}

/** Field path → what is wrong there. */
export type FieldProblems = ReadonlyMap<string, string>;

export function draftOf(document: AlertRulesDocument): RulesDraft {
  return {
    rules: document.rules.map((rule) => ({
      id: rule.id,
      kind: rule.kind,
      enabled: rule.enabled,
      threshold: String(rule.threshold),
      forMinutes: String(rule.forMinutes),
      supervisors: rule.supervisors === 'all' ? 'all' : rule.supervisors.join(', '),
    })),
    webhooks: document.webhooks.map((webhook) => ({ ...webhook })),
  };
}

const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

function supervisorsOf(text: string): 'all' | string[] {
  const ids = text.split(',').map((id) => id.trim()).filter(Boolean);
  return ids.length === 0 || (ids.length === 1 && ids[0].toLowerCase() === 'all') ? 'all' : ids;
}

export function documentOf(draft: RulesDraft): unknown {
  return {
    rules: draft.rules.map((rule) => ({
      id: rule.id,
      kind: rule.kind,
      enabled: rule.enabled,
      // not-running has no threshold: 0 keeps the document valid whatever the field holds.
      threshold: ALERT_KIND_INFO[rule.kind].unit === null ? 0 : numberOf(rule.threshold),
      forMinutes: numberOf(rule.forMinutes),
      supervisors: supervisorsOf(rule.supervisors),
    })),
    webhooks: draft.webhooks,
  };
}

/** The document to send, or the problems by field. */
export function checkDraft(draft: RulesDraft, allowedOrigins: readonly string[]): { document: AlertRulesDocument; problems?: undefined } | { document?: undefined; problems: FieldProblems } {
  const parsed = AlertRulesDocumentSchema.safeParse(documentOf(draft));
  if (!parsed.success) {
    const problems = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      if (!problems.has(key)) problems.set(key, issue.message.replace(/^Invalid input: expected number, received NaN$/, 'must be a number'));
    }
    return { problems };
  }
  const refused = rulesDocumentProblems(parsed.data, allowedOrigins);
  if (refused.length > 0) return { problems: new Map(refused.map((problem) => [problem.path, problem.message])) };
  return { document: parsed.data };
}

/** A refused save's problems by field, from the server's details.issues (paths start with "body."). */
export function problemsOfError(error: unknown): FieldProblems {
  const issues = error instanceof ApiRequestError ? (error.details as { issues?: { path?: unknown; message?: unknown }[] } | undefined)?.issues : undefined;
  const problems = new Map<string, string>();
  for (const issue of issues ?? []) {
    if (typeof issue.path === 'string' && typeof issue.message === 'string') problems.set(issue.path.replace(/^body\.?/, ''), issue.message);
  }
  return problems;
}

/** An id no rule or webhook of the list has yet: "time-lag-2". */
export function freshId(base: string, taken: readonly { readonly id: string }[]): string {
  const ids = new Set(taken.map((item) => item.id));
  if (!ids.has(base)) return base;
  let n = 2;
  while (ids.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
