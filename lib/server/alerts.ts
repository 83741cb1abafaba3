// Alerts on the server: the rules document in the store, the evaluation after each collector
// round (only the lease holder runs it), and delivery of each firing and resolved notice to the
// webhooks, once each, only to origins TRIBUTARY_WEBHOOK_ORIGINS allows.
import 'server-only';
import type { Kysely } from 'kysely';
import { getConfig, publicUrlOf } from '@/lib/config';
import { ApiError, roleAllows, type Identity } from '@/lib/http';
import {
  AlertRulesDocumentSchema,
  DEFAULT_ALERT_RULES,
  ORIGINS_VARIABLE,
  redactWebhookUrl,
  rulesDocumentProblems,
  type Alert,
  type AlertKind,
  type AlertRulesDocument,
  type AlertRulesResponse,
  type AlertsResponse,
} from '@/lib/operate/alert-rules';
import { ALERT_RULES_ACTION } from '@/lib/operate/audit-entry';
import { alertWindowMs, evaluateAlerts, supervisorUrl, type AlertNotice } from '@/lib/operate/alerts';
import { metricPointOf } from '@/lib/operate/metrics-history';
import type { MetricPoint } from '@/lib/operate';
import type { AlertEventRow, MetricsRow, StoreTables } from '@/lib/store';
import { openAlertEvent, openAlertEvents, readAlertRules, readRecentSamples, recentAlertEvents, recordAlertDelivery, resolveAlertEvent, saveAlertRules } from '@/lib/store/alerts';
import { recordAudit, store, type Actor } from './audit';
import { mapBounded } from './operate';
import type { AfterCollect, Collection } from './collected';
import { deliverNotice, type DeliveryOptions } from './webhooks';

type Db = Kysely<StoreTables>;

/** Resolved alerts GET /api/alerts lists. */
export const RECENT_ALERTS = 50;
/** Notices sent at once (each to every webhook). */
const DELIVERY_CONCURRENCY = 4;

// ── The rules document ───────────────────────────────────────────────────────────────────────

interface CurrentRules {
  readonly document: AlertRulesDocument;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

async function currentRules(db: Db): Promise<CurrentRules> {
  const stored = await readAlertRules(db);
  if (!stored) return { document: DEFAULT_ALERT_RULES, updatedAt: null, updatedBy: null };
  try {
    return { document: AlertRulesDocumentSchema.parse(JSON.parse(stored.body)), updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
  } catch (error) {
    // Saved rules are checked first, so only a hand-edited store gets here: alerting goes on with the defaults.
    console.error(`Tributary's saved alert rules cannot be read, so the defaults apply until an admin saves them again: ${(error as Error).message}`);
    return { document: DEFAULT_ALERT_RULES, updatedAt: null, updatedBy: null };
  }
}

function rulesResponse(rules: CurrentRules, identity: Identity): AlertRulesResponse {
  // Webhook URLs often carry their token in the path (Slack's do): only those who may edit them see them whole.
  const shown = roleAllows(identity.role, 'admin');
  return {
    rules: rules.document.rules,
    webhooks: rules.document.webhooks.map((webhook) => (shown ? webhook : { ...webhook, url: redactWebhookUrl(webhook.url) })),
    updatedAt: rules.updatedAt,
    updatedBy: rules.updatedBy,
    webhookOrigins: [...getConfig().monitoring.webhookOrigins],
    webhookUrlsShown: shown,
  };
}

export async function alertRulesFor(identity: Identity): Promise<AlertRulesResponse> {
  return rulesResponse(await currentRules((await store()).db), identity);
}

/** Saves a rules document an admin sent; a webhook to an origin the server does not allow is refused (400) by name. */
export async function saveAlertRulesDocument(document: AlertRulesDocument, actor: Actor & { readonly identity: Identity }): Promise<AlertRulesResponse> {
  const problems = rulesDocumentProblems(document, getConfig().monitoring.webhookOrigins);
  if (problems.length > 0) {
    throw new ApiError(400, 'webhook_not_allowed', problems.map((problem) => problem.message).join(' '), {
      variable: ORIGINS_VARIABLE,
      issues: problems.map((problem) => ({ path: `body.${problem.path}`, message: problem.message })),
    });
  }
  const saved: CurrentRules = { document, updatedAt: new Date().toISOString(), updatedBy: actor.identity.user };
  await saveAlertRules((await store()).db, { body: JSON.stringify(document), updatedAt: saved.updatedAt!, updatedBy: saved.updatedBy });
  const enabled = (items: readonly { enabled: boolean }[]) => items.filter((item) => item.enabled).length;
  await recordAudit(actor, {
    action: ALERT_RULES_ACTION,
    supervisorId: null,
    outcome: 'ok',
    detail: `Alert rules saved: ${document.rules.length} rules (${enabled(document.rules)} enabled), ${document.webhooks.length} webhooks (${enabled(document.webhooks)} enabled).`,
  });
  return rulesResponse(saved, actor.identity);
}

// ── What fires and what fired ────────────────────────────────────────────────────────────────

interface EventDetail {
  readonly kind?: AlertKind;
  readonly since?: string;
  readonly resolvedMessage?: string;
  readonly [figure: string]: unknown;
}

function detailOf(row: AlertEventRow): EventDetail {
  try {
    const parsed: unknown = row.detail ? JSON.parse(row.detail) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as EventDetail) : {};
  } catch {
    return {};
  }
}

function alertOf(row: AlertEventRow): Alert {
  const detail = detailOf(row);
  return {
    id: Number(row.id),
    rule: row.ruleId,
    kind: detail.kind ?? null,
    supervisor: row.supervisorId,
    since: detail.since ?? row.firedAt,
    firedAt: row.firedAt,
    resolvedAt: row.resolvedAt,
    message: row.message,
    resolvedMessage: row.resolvedAt ? (detail.resolvedMessage ?? null) : null,
    deliveryError: row.deliveryError,
  };
}

export async function alertsNow(): Promise<AlertsResponse> {
  const db = (await store()).db;
  const [open, recent] = await Promise.all([openAlertEvents(db), recentAlertEvents(db, RECENT_ALERTS)]);
  return { firing: open.map(alertOf), recent: recent.map(alertOf) };
}

// ── After each collector round ───────────────────────────────────────────────────────────────

/** Where alert links point: TRIBUTARY_PUBLIC_URL, else this machine on the port Next's server listens on. */
function publicBaseUrl(): string {
  return publicUrlOf(getConfig());
}

export interface AlertRunOptions extends DeliveryOptions {
  /** The store to use; the process's store by default. */
  readonly db?: Db;
  /** Tributary's URL for links; TRIBUTARY_PUBLIC_URL or this machine by default. */
  readonly baseUrl?: string;
}

export interface AlertRunResult {
  readonly fired: readonly Alert[];
  readonly resolved: readonly Alert[];
  /** Settles when every notice of this run has been delivered or has given up. */
  readonly delivered: Promise<void>;
}

function samplesOf(collection: Collection, rows: readonly MetricsRow[]): Map<string, MetricPoint[]> {
  const samples = new Map<string, MetricPoint[]>(collection.supervisors.map((supervisor) => [supervisor.id, []]));
  for (const row of rows) samples.get(row.supervisorId)?.push(metricPointOf(row));
  // The round's own sample counts even if the store has not shown it yet.
  for (const supervisor of collection.supervisors) {
    const points = samples.get(supervisor.id)!;
    if (!points.some((point) => point.time === supervisor.point.time)) points.push(supervisor.point);
  }
  return samples;
}

/**
 * Evaluates the rules over the recent samples, stores what starts and stops firing and sends each
 * change to every enabled webhook. Only the collector's lease holder runs it, and the store lets
 * one alert per rule and supervisor be open and be resolved once, so two instances never page twice.
 */
export async function runAlerts(collection: Collection, options: AlertRunOptions = {}): Promise<AlertRunResult> {
  const db = options.db ?? (await store()).db;
  const { document } = await currentRules(db);
  const { monitoring } = getConfig();
  const since = new Date(collection.at - alertWindowMs(document.rules, monitoring.intervalMs)).toISOString();
  const [rows, open] = await Promise.all([readRecentSamples(db, since), openAlertEvents(db)]);
  const transitions = evaluateAlerts({
    rules: document.rules,
    samples: samplesOf(collection, rows),
    firing: open.map((row) => ({ rule: row.ruleId, supervisor: row.supervisorId, since: detailOf(row).since ?? row.firedAt })),
  });
  const now = new Date(collection.at).toISOString();

  const fired: Alert[] = [];
  for (const start of transitions.fire) {
    const detail = { kind: start.rule.kind, since: start.since, ...start.detail };
    const row = { ruleId: start.rule.id, supervisorId: start.supervisor, firedAt: now, resolvedAt: null, message: start.message, detail: JSON.stringify(detail), notifiedAt: null, resolveNotifiedAt: null, deliveryError: null };
    const id = await openAlertEvent(db, row);
    if (id !== undefined) fired.push(alertOf({ ...row, id }));
  }
  const resolved: Alert[] = [];
  for (const end of transitions.resolve) {
    const row = open.find((candidate) => candidate.ruleId === end.alert.rule && candidate.supervisorId === end.alert.supervisor)!;
    const detail = JSON.stringify({ ...detailOf(row), resolvedMessage: end.message });
    if (await resolveAlertEvent(db, Number(row.id), now, detail)) resolved.push(alertOf({ ...row, resolvedAt: now, detail }));
  }

  const baseUrl = options.baseUrl ?? publicBaseUrl();
  const webhooks = document.webhooks.filter((webhook) => webhook.enabled);
  const notices = [
    ...fired.map((alert) => ({ alert, status: 'firing' as const })),
    ...resolved.map((alert) => ({ alert, status: 'resolved' as const })),
  ];
  // A few at a time: a round where many supervisors change at once must not flood a chat's rate limit.
  const delivered = mapBounded(notices, DELIVERY_CONCURRENCY, async ({ alert, status }) => {
    const notice: AlertNotice = {
      status,
      rule: alert.rule,
      kind: alert.kind,
      supervisor: alert.supervisor,
      since: alert.since,
      ...(status === 'resolved' ? { resolvedAt: alert.resolvedAt! } : {}),
      message: status === 'resolved' ? (alert.resolvedMessage ?? alert.message) : alert.message,
      url: supervisorUrl(baseUrl, alert.supervisor),
    };
    const errors = await deliverNotice(notice, webhooks, monitoring.webhookOrigins, options);
    await recordAlertDelivery(db, alert.id, status, { at: new Date().toISOString(), error: errors.length > 0 ? errors.join(' ') : null });
  }).then(
    () => undefined,
    (error: unknown) => console.error(`Tributary could not record an alert's delivery: ${(error as Error).message}`),
  );
  return { fired, resolved, delivered };
}

/** The collector's hook: alerts evaluated after each round; deliveries go on in the background so the next round is not held up. */
export const alertsAfterCollect: AfterCollect = async function alerts(collection) {
  await runAlerts(collection);
};
