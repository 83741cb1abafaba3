// Alert rules and webhooks: one document an admin edits, with defaults that page on what an
// on-call person cares about. Pure and browser-safe: the Alerts page, the routes and the server's
// evaluation all read these shapes.
import { z } from 'zod';

export const ALERT_KINDS = ['not-running', 'time-lag', 'lag-rising', 'no-rows', 'parse-errors', 'failing-tasks'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertKindInfo {
  /** What the rule watches, in a sentence an editor reads. */
  readonly label: string;
  /** The threshold's unit; null when the kind has none. */
  readonly unit: string | null;
  readonly thresholdHelp: string | null;
}

export const ALERT_KIND_INFO: Readonly<Record<AlertKind, AlertKindInfo>> = {
  'not-running': { label: 'Supervisor unhealthy or not RUNNING', unit: null, thresholdHelp: null },
  'time-lag': { label: 'Time lag above the threshold', unit: 'min', thresholdHelp: 'Age of the oldest unread message, in minutes' },
  'lag-rising': { label: 'Lag rising', unit: 'messages', thresholdHelp: 'Fires when lag grew by at least this many messages over the period and never fell back' },
  'no-rows': { label: 'No rows ingested while the topic receives messages', unit: 'msg/s', thresholdHelp: 'Fires when the topic receives more than this many messages per second' },
  'parse-errors': { label: 'Parse-error rate above the threshold', unit: '%', thresholdHelp: 'Share of the messages read that could not be parsed' },
  'failing-tasks': { label: 'Tasks failing repeatedly', unit: 'failed tasks', thresholdHelp: 'Fires when at least this many of its recent tasks failed' },
};

const MAX_FOR_MINUTES = 24 * 60;
const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const idSchema = z.string().regex(ID, 'must be 1–64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit');

export const AlertRuleSchema = z.object({
  id: idSchema,
  kind: z.enum(ALERT_KINDS),
  enabled: z.boolean(),
  /** In the kind's unit (ALERT_KIND_INFO); ignored by not-running. */
  threshold: z.number().nonnegative('must be 0 or more').max(1e12, 'is too large'),
  /** How long the condition must hold before the alert fires. */
  forMinutes: z.number().nonnegative('must be 0 or more').max(MAX_FOR_MINUTES, `must be at most ${MAX_FOR_MINUTES} (a day)`),
  supervisors: z.union([z.literal('all'), z.array(z.string().min(1, 'must not be empty').max(255)).min(1, 'must name at least one supervisor, or be "all"')]),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;

export const WEBHOOK_FORMATS = ['json', 'slack'] as const;

export const WebhookSchema = z.object({
  id: idSchema,
  url: z.string().min(1, 'must not be empty').max(2000, 'is too long'),
  /** json: { status, rule, supervisor, since, message, url }; slack: { text } for Slack-compatible incoming webhooks. */
  format: z.enum(WEBHOOK_FORMATS),
  enabled: z.boolean(),
});
export type Webhook = z.infer<typeof WebhookSchema>;

export const AlertRulesDocumentSchema = z
  .object({
    rules: z.array(AlertRuleSchema).max(100, 'at most 100 rules'),
    webhooks: z.array(WebhookSchema).max(20, 'at most 20 webhooks'),
  })
  .superRefine((document, ctx) => {
    const repeated = (ids: readonly string[], where: 'rules' | 'webhooks') =>
      ids.forEach((id, index) => {
        if (ids.indexOf(id) !== index) ctx.addIssue({ code: 'custom', path: [where, index, 'id'], message: `repeats the id "${id}"; each must be unique` });
      });
    repeated(document.rules.map((rule) => rule.id), 'rules');
    repeated(document.webhooks.map((webhook) => webhook.id), 'webhooks');
  });
export type AlertRulesDocument = z.infer<typeof AlertRulesDocumentSchema>;

/** What a fresh install watches: every supervisor, no webhook until an admin adds one. */
export const DEFAULT_ALERT_RULES: AlertRulesDocument = {
  rules: [
    { id: 'not-running', kind: 'not-running', enabled: true, threshold: 0, forMinutes: 5, supervisors: 'all' },
    { id: 'time-lag', kind: 'time-lag', enabled: true, threshold: 5, forMinutes: 5, supervisors: 'all' },
    { id: 'lag-rising', kind: 'lag-rising', enabled: true, threshold: 1000, forMinutes: 15, supervisors: 'all' },
    { id: 'no-rows', kind: 'no-rows', enabled: true, threshold: 0, forMinutes: 10, supervisors: 'all' },
    { id: 'parse-errors', kind: 'parse-errors', enabled: true, threshold: 5, forMinutes: 5, supervisors: 'all' },
    { id: 'failing-tasks', kind: 'failing-tasks', enabled: true, threshold: 3, forMinutes: 0, supervisors: 'all' },
  ],
  webhooks: [],
};

export const ORIGINS_VARIABLE = 'TRIBUTARY_WEBHOOK_ORIGINS';

export interface RulesProblem {
  /** Where in the document, as a dotted path: webhooks.0.url. */
  readonly path: string;
  readonly message: string;
}

/** Why a webhook URL may not be posted to, or undefined when it may: http(s) to an allowed origin only. */
export function issueWithWebhookUrl(url: string, allowedOrigins: readonly string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL; write it as https://host/path';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `must be http or https, not ${parsed.protocol.replace(/:$/, '')}`;
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  if (!allowedOrigins.includes(parsed.origin)) {
    const allowed = allowedOrigins.length > 0 ? `it allows ${allowedOrigins.join(', ')}` : 'it is not set, so no webhook may be sent';
    return `posts to ${parsed.origin}, which is not among the origins ${ORIGINS_VARIABLE} allows (${allowed}); add the origin to ${ORIGINS_VARIABLE} on the server`;
  }
  return undefined;
}

/** Checks beyond the shape: each webhook's URL against the origins the server allows. */
export function rulesDocumentProblems(document: AlertRulesDocument, allowedOrigins: readonly string[]): RulesProblem[] {
  return document.webhooks.flatMap((webhook, index) => {
    const issue = issueWithWebhookUrl(webhook.url, allowedOrigins);
    return issue ? [{ path: `webhooks.${index}.url`, message: `Webhook "${webhook.id}" ${issue}.` }] : [];
  });
}

/** Whether a rule watches a supervisor. */
export function ruleCovers(rule: Pick<AlertRule, 'supervisors'>, supervisorId: string): boolean {
  return rule.supervisors === 'all' || rule.supervisors.includes(supervisorId);
}

/** A webhook URL as someone who may not edit the rules sees it: its origin only, as the path may hold a token. */
export function redactWebhookUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname === '/' && !parsed.search ? parsed.origin : `${parsed.origin}/…`;
  } catch {
    return '…';
  }
}

// ── The API's shapes ─────────────────────────────────────────────────────────────────────────

/** GET /api/alerts/rules: the document, who saved it last, and where webhooks may go. */
export const AlertRulesResponseSchema = z.object({
  rules: z.array(AlertRuleSchema),
  webhooks: z.array(WebhookSchema),
  /** Null while the defaults apply (nobody has saved rules yet). */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** The origins TRIBUTARY_WEBHOOK_ORIGINS allows. */
  webhookOrigins: z.array(z.string()),
  /** False when webhook URLs are shown as their origin only (the reader may not edit rules). */
  webhookUrlsShown: z.boolean(),
});
export type AlertRulesResponse = z.infer<typeof AlertRulesResponseSchema>;

export const AlertSchema = z.object({
  id: z.number().int(),
  rule: z.string(),
  kind: z.enum(ALERT_KINDS).nullable(),
  supervisor: z.string(),
  /** When the condition began to hold. */
  since: z.string(),
  /** When the alert fired (the condition had held for the rule's period). */
  firedAt: z.string(),
  /** Null while it fires. */
  resolvedAt: z.string().nullable(),
  /** What made it fire, as the webhooks were told. */
  message: z.string(),
  /** How it ended: "clicks is RUNNING and healthy again"; null while it fires. */
  resolvedMessage: z.string().nullable(),
  /** Why the last delivery to a webhook failed; null when every delivery succeeded. */
  deliveryError: z.string().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

/** GET /api/alerts */
export const AlertsResponseSchema = z.object({
  firing: z.array(AlertSchema),
  /** Resolved alerts, newest first. */
  recent: z.array(AlertSchema),
});
export type AlertsResponse = z.infer<typeof AlertsResponseSchema>;
