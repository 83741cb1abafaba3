// The audit trail's entries: who did what to which supervisor, when and from where, what a submit
// changed, what Druid answered and how it ended. Pure and browser-safe: the Audit page, the
// status page's "Recent actions" and the server all read these shapes.
import { z } from 'zod';
import { ROLES } from '../http/identity';
import type { SpecDiff } from '../spec/diff-spec';
import { isRecord } from '../spec/issue';
import { isSecretKey, REDACTED } from './redact';

/**
 * ok: done as asked. unchanged: a submit Druid already ran, so nothing was restarted.
 * refused: Tributary or Druid turned the request down (sign-in, role, invalid input or spec).
 * failed: Druid answered with an error, or could not be reached.
 * unknown: still in flight, or Druid did not answer in time and reading it back has not shown it done.
 */
export const AUDIT_OUTCOMES = ['ok', 'unchanged', 'refused', 'failed', 'unknown'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const SUBMIT_KINDS = ['created', 'updated', 'unchanged'] as const;

export const AuditChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  from: z.string().optional(),
  to: z.string().optional(),
});
export type AuditChange = z.infer<typeof AuditChangeSchema>;

/** What a submit did to the supervisor's spec. */
export const AuditChangesSchema = z.object({
  submit: z.enum(SUBMIT_KINDS),
  changes: z.array(AuditChangeSchema),
  /** Changes left out of `changes` to keep an entry small. */
  omitted: z.number().int().nonnegative(),
  risks: z.array(z.object({ severity: z.enum(['high', 'medium', 'low']), title: z.string() })),
});
export type AuditChanges = z.infer<typeof AuditChangesSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  /** When the request arrived, ISO-8601 UTC. */
  at: z.string(),
  /** Null in open mode, where nobody signs in, and for a request refused before sign-in. */
  user: z.string().nullable(),
  role: z.enum(ROLES).nullable(),
  via: z.string().nullable(),
  clientAddress: z.string().nullable(),
  action: z.string(),
  supervisorId: z.string().nullable(),
  /** sha256 of the submitted spec's canonical JSON (secrets as Tributary shows them). */
  specHash: z.string().nullable(),
  changes: AuditChangesSchema.nullable(),
  druidStatus: z.number().int().nullable(),
  druidAnswer: z.string().nullable(),
  /** Null while the request is in flight. */
  durationMs: z.number().int().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  detail: z.string().nullable(),
  /** When an outcome first recorded as unknown was settled by reading Druid back. */
  resolvedAt: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** GET /api/audit */
export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  /** Entries matching the filters, over every page. */
  total: z.number().int(),
  /** `before` for the next, older page; null on the last. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export function isInFlight(entry: Pick<AuditEntry, 'outcome' | 'durationMs'>): boolean {
  return entry.outcome === 'unknown' && entry.durationMs === null;
}

// ── Filters, as the URL of GET /api/audit and of the Audit page carry them ──────────────────

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A day (UTC) or an instant; `to` of a day means up to the end of that day. */
function timeBound(edge: 'from' | 'to') {
  return z
    .string()
    .refine((text) => !Number.isNaN(Date.parse(text)) && (DAY.test(text) || /^\d{4}-\d{2}-\d{2}T/.test(text)), 'must be a day such as 2026-03-01 or a time such as 2026-03-01T12:00:00Z')
    .transform((text) => new Date(Date.parse(DAY.test(text) ? `${text}T00:00:00Z` : text) + (edge === 'to' && DAY.test(text) ? DAY_MS : 0)).toISOString());
}

/** An empty field in a form or URL means no filter. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE_SIZE = 500;

export const AuditQuerySchema = z
  .object({
    user: optional(z.string()),
    supervisor: optional(z.string()),
    action: optional(z.string()),
    outcome: optional(z.enum(AUDIT_OUTCOMES, { message: `must be one of ${AUDIT_OUTCOMES.join(', ')}` })),
    from: optional(timeBound('from')),
    to: optional(timeBound('to')),
    /** The id the previous page ended at. */
    before: optional(z.coerce.number({ message: 'must be an entry id' }).int('must be an entry id').positive('must be an entry id')),
    limit: optional(z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(AUDIT_MAX_PAGE_SIZE, `must be at most ${AUDIT_MAX_PAGE_SIZE}`)),
    /** jsonl: every matching entry, oldest first, one JSON object a line. */
    format: optional(z.enum(['json', 'jsonl'], { message: 'must be json or jsonl' })),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, { path: ['to'], message: 'must be after from' });
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

// ── What a request is about, for a refusal the route wrapper reports before any handler ran ─

/** The action recorded when an admin saves the alert rules and webhooks. */
export const ALERT_RULES_ACTION = 'alert-rules';

export function auditTargetOf(method: string, pathname: string): { action: string; supervisorId: string | null } {
  const parts = pathname.split('/').filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  if (parts.join('/') === 'api/alerts/rules' && method === 'PUT') return { action: ALERT_RULES_ACTION, supervisorId: null };
  if (parts[0] === 'api' && parts[1] === 'supervisors') {
    if (parts.length === 2 && method === 'POST') return { action: 'submit', supervisorId: null };
    // A bulk action names its supervisors in its body; refused, it acted on none of them.
    if (parts.length === 3 && parts[2] === 'bulk' && method === 'POST') return { action: 'bulk', supervisorId: null };
    if (parts.length === 4) return { action: parts[3], supervisorId: parts[2] };
  }
  return { action: `${method} ${pathname}`, supervisorId: parts[0] === 'api' && parts[1] === 'supervisors' && parts.length > 2 ? parts[2] : null };
}

// ── A submit's hash and change summary ───────────────────────────────────────────────────────

/** JSON with object keys sorted at every level: the same spec always gives the same text. */
export function canonicalJson(value: unknown): string {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'bigint') return v.toString();
    if (Array.isArray(v)) return v.map((item) => (item === undefined ? null : walk(item)));
    if (isRecord(v)) {
      return Object.fromEntries(
        Object.keys(v)
          .filter((key) => v[key] !== undefined)
          .sort()
          .map((key) => [key, walk(v[key])]),
      );
    }
    return v;
  };
  return JSON.stringify(walk(value)) ?? 'null';
}

/** A copy with every string under a secret-looking key (password, sasl.jaas.config…) hidden. */
export function hideSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hideSecrets);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, isSecretKey(key) && typeof v === 'string' ? REDACTED : hideSecrets(v)]));
}

/**
 * sha256 of the spec's canonical JSON, hex. Secrets are hashed as Tributary shows them: the status
 * page's spec hashes to the same value, and the hash cannot be used to guess a password offline.
 */
export async function specHash(spec: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(hideSecrets(spec))));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Changes kept in one entry; a rewrite of a whole spec is summarized by its count. */
export const MAX_AUDIT_CHANGES = 50;
const MAX_VALUE_CHARS = 200;

function shown(value: unknown, secret: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (secret && typeof value === 'string') return REDACTED;
  const text = typeof value === 'string' ? value : canonicalJson(hideSecrets(value));
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** What a submit changed, for its audit entry; `diff` is of Druid's spec before against the submitted one. */
export function summarizeSubmit(submit: (typeof SUBMIT_KINDS)[number], diff?: SpecDiff): AuditChanges {
  const all = diff && submit === 'updated' ? Object.values(diff.groups).flat() : [];
  const changes = all.slice(0, MAX_AUDIT_CHANGES).map((change) => {
    const secret = change.path.some((key) => typeof key === 'string' && isSecretKey(key));
    return { path: change.pathText, kind: change.kind, ...defined('from', shown(change.from, secret)), ...defined('to', shown(change.to, secret)) };
  });
  const risks = submit === 'updated' ? (diff?.risks ?? []).map(({ severity, title }) => ({ severity, title })) : [];
  return { submit, changes, omitted: all.length - changes.length, risks };
}

const defined = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));

/** One line of the JSON-lines export. */
export function auditJsonLine(entry: AuditEntry): string {
  return `${JSON.stringify(entry)}\n`;
}
