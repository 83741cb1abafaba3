// Alert evaluation: given the rules, each supervisor's recent samples and what fires now, which
// alerts start and which resolve. Fire once, resolve once: an alert fires when its condition has
// held for the rule's period and resolves the first time it no longer holds (or its supervisor or
// rule is gone). Pure: the server reads the store, calls this, stores and delivers the result.
import { ALERT_KIND_INFO, ruleCovers, type AlertKind, type AlertRule, type WEBHOOK_FORMATS } from './alert-rules';
import type { MetricPoint } from './monitoring-schemas';

/** An alert that fires now, as the store keeps it. */
export interface FiringAlert {
  readonly rule: string;
  readonly supervisor: string;
  readonly since: string;
}

export interface AlertStart {
  readonly rule: AlertRule;
  readonly supervisor: string;
  /** When the condition began to hold. */
  readonly since: string;
  readonly message: string;
  /** The figures that made it fire. */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface AlertEnd {
  readonly alert: FiringAlert;
  readonly message: string;
}

export interface AlertTransitions {
  readonly fire: readonly AlertStart[];
  readonly resolve: readonly AlertEnd[];
}

export interface AlertInput {
  readonly rules: readonly AlertRule[];
  /** Every supervisor that exists now, with its recent samples (any order); one missing here is gone. */
  readonly samples: ReadonlyMap<string, readonly MetricPoint[]>;
  readonly firing: readonly FiringAlert[];
}

/** States in which a supervisor reads as asked: IDLE is Druid's own choice for a topic with nothing new. */
const WORKING_STATES = new Set(['RUNNING', 'IDLE']);

interface Check {
  /** null: the samples cannot tell (Druid or Kafka unreadable), so nothing changes. */
  readonly holds: boolean | null;
  readonly since?: string;
  /** From since to the newest sample that shows it. */
  readonly heldMs?: number;
  readonly message: string;
  readonly detail?: Record<string, unknown>;
}

const MINUTE_MS = 60_000;
const timeOf = (point: MetricPoint) => Date.parse(point.time);

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

const count = (value: number | bigint | string) => (typeof value === 'string' ? BigInt(value) : value).toLocaleString('en-US');
const rate = (value: number) => (value >= 10 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1).replace(/\.0$/, ''));
const percent = (value: number) => `${value >= 10 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, '')}%`;

/** Messages read per second, by what became of them. */
function readPerSec(point: MetricPoint): number | null {
  if (point.unparseablePerSec === null || point.processedPerSec === null) return null;
  return point.processedPerSec + point.unparseablePerSec + (point.processedWithErrorPerSec ?? 0) + (point.thrownAwayPerSec ?? 0);
}

function parseErrorPercent(point: MetricPoint): number | null {
  const read = readPerSec(point);
  if (read === null || point.unparseablePerSec === null) return null;
  return read > 0 ? (100 * point.unparseablePerSec) / read : 0;
}

/** Whether one sample meets the rule's condition; null when it cannot tell. */
function sampleHolds(rule: AlertRule, point: MetricPoint): boolean | null {
  switch (rule.kind) {
    case 'not-running':
      if (point.state === null) return null;
      return !WORKING_STATES.has(point.state) || point.healthy === false;
    case 'time-lag':
      return point.maxTimeLagMs === null ? null : point.maxTimeLagMs > rule.threshold * MINUTE_MS;
    case 'no-rows':
      // A supervisor that is not running has its own rule; this one is about a running one that ingests nothing.
      if (point.state !== null && !WORKING_STATES.has(point.state)) return false;
      if (point.producedPerSec === null || point.processedPerSec === null) return null;
      return point.producedPerSec > rule.threshold && point.processedPerSec === 0;
    case 'parse-errors': {
      const share = parseErrorPercent(point);
      return share === null ? null : share > rule.threshold && (point.unparseablePerSec ?? 0) > 0;
    }
    case 'failing-tasks':
      return point.failedTasks === null ? null : point.failedTasks >= Math.max(1, rule.threshold);
    case 'lag-rising':
      return null;
  }
}

/** A per-sample condition: held since the oldest sample of the unbroken run that ends with the newest one that can tell. */
function checkRun(rule: AlertRule, supervisor: string, points: readonly MetricPoint[]): Check {
  let newest: MetricPoint | undefined;
  let since: MetricPoint | undefined;
  for (let i = points.length - 1; i >= 0; i--) {
    const holds = sampleHolds(rule, points[i]);
    if (holds === null) continue;
    if (!holds) break;
    newest ??= points[i];
    since = points[i];
  }
  const latest = [...points].reverse().find((point) => sampleHolds(rule, point) !== null);
  if (!latest) return { holds: null, message: '' };
  if (!newest || !since) return { holds: false, message: clearedMessage(rule, supervisor, latest) };
  const heldMs = timeOf(newest) - timeOf(since);
  return { holds: true, since: since.time, heldMs, message: firingMessage(rule, supervisor, newest, heldMs), detail: figures(rule, newest) };
}

/** Lag rising: over the rule's period, lag never fell below where it started and grew by at least the threshold. */
function checkRising(rule: AlertRule, supervisor: string, points: readonly MetricPoint[]): Check {
  const lagged = points.filter((point) => point.totalLag !== null);
  const newest = lagged.at(-1);
  if (!newest || lagged.length < 2) return { holds: null, message: '' };
  const cutoff = timeOf(newest) - rule.forMinutes * MINUTE_MS;
  const startIndex = rule.forMinutes === 0 ? lagged.length - 2 : lagged.findLastIndex((point) => timeOf(point) <= cutoff);
  const now = BigInt(newest.totalLag!);
  if (startIndex < 0) return { holds: null, message: '' };
  const start = lagged[startIndex];
  const from = BigInt(start.totalLag!);
  const neverFell = lagged.slice(startIndex + 1).every((point) => BigInt(point.totalLag!) >= from);
  const grew = now - from;
  const holds = neverFell && grew > 0n && grew >= BigInt(Math.ceil(rule.threshold));
  if (!holds) return { holds: false, message: `${supervisor}'s lag is no longer rising (${count(now)} messages now)` };
  const heldMs = timeOf(newest) - timeOf(start);
  return {
    holds: true,
    since: start.time,
    heldMs,
    message: `${supervisor}'s lag rose from ${count(from)} to ${count(now)} messages in ${formatDuration(heldMs)}`,
    detail: { fromLag: start.totalLag, totalLag: newest.totalLag },
  };
}

function figures(rule: AlertRule, point: MetricPoint): Record<string, unknown> {
  switch (rule.kind) {
    case 'not-running':
      return { state: point.state, healthy: point.healthy };
    case 'time-lag':
      return { maxTimeLagMs: point.maxTimeLagMs, thresholdMs: rule.threshold * MINUTE_MS };
    case 'no-rows':
      return { producedPerSec: point.producedPerSec, processedPerSec: point.processedPerSec };
    case 'parse-errors':
      return { unparseablePerSec: point.unparseablePerSec, percent: parseErrorPercent(point) };
    case 'failing-tasks':
      return { failedTasks: point.failedTasks };
    case 'lag-rising':
      return { totalLag: point.totalLag };
  }
}

function firingMessage(rule: AlertRule, supervisor: string, point: MetricPoint, heldMs: number): string {
  const held = formatDuration(heldMs);
  switch (rule.kind) {
    case 'not-running': {
      // A rule with no waiting period fires on the first sample: "for 0 s" would read oddly.
      const lasting = heldMs >= 1000 ? ` for ${held}` : '';
      return point.state !== null && !WORKING_STATES.has(point.state) ? `${supervisor} has been ${point.state}${lasting}` : `${supervisor} has been unhealthy${lasting} (state ${point.state})`;
    }
    case 'time-lag':
      return `${supervisor}'s time lag is ${formatDuration(point.maxTimeLagMs ?? 0)}, above ${formatDuration(rule.threshold * MINUTE_MS)}`;
    case 'no-rows':
      return `${supervisor} has ingested no rows for ${held} while its topic receives ${rate(point.producedPerSec ?? 0)} messages/s`;
    case 'parse-errors':
      return `${supervisor}: ${percent(parseErrorPercent(point) ?? 0)} of messages read could not be parsed (${rate(point.unparseablePerSec ?? 0)}/s), above ${percent(rule.threshold)}`;
    case 'failing-tasks':
      return `${supervisor}: ${point.failedTasks} of its recent tasks failed (alert at ${Math.max(1, rule.threshold)})`;
    case 'lag-rising':
      return `${supervisor}'s lag is rising`;
  }
}

function clearedMessage(rule: AlertRule, supervisor: string, point: MetricPoint): string {
  switch (rule.kind) {
    case 'not-running':
      return `${supervisor} is ${point.state} and healthy again`;
    case 'time-lag':
      return `${supervisor}'s time lag is back to ${formatDuration(point.maxTimeLagMs ?? 0)}, within ${formatDuration(rule.threshold * MINUTE_MS)}`;
    case 'no-rows':
      return point.state !== null && !WORKING_STATES.has(point.state) ? `${supervisor} is ${point.state}; its not-running alert covers it` : `${supervisor} is ingesting rows again`;
    case 'parse-errors':
      return `${supervisor}'s parse errors are back to ${percent(parseErrorPercent(point) ?? 0)}, within ${percent(rule.threshold)}`;
    case 'failing-tasks':
      return `${supervisor}: ${point.failedTasks ?? 0} of its recent tasks failed, fewer than ${Math.max(1, rule.threshold)}`;
    case 'lag-rising':
      return `${supervisor}'s lag is no longer rising`;
  }
}

/** Whether the rule's condition holds for the supervisor now, since when, and in words. */
export function checkRule(rule: AlertRule, supervisor: string, samples: readonly MetricPoint[]): Check {
  const points = [...samples].sort((a, b) => timeOf(a) - timeOf(b));
  return rule.kind === 'lag-rising' ? checkRising(rule, supervisor, points) : checkRun(rule, supervisor, points);
}

const keyOf = (rule: string, supervisor: string) => JSON.stringify([rule, supervisor]);

export function evaluateAlerts(input: AlertInput): AlertTransitions {
  const rules = new Map(input.rules.map((rule) => [rule.id, rule]));
  const open = new Set(input.firing.map((alert) => keyOf(alert.rule, alert.supervisor)));
  const resolve: AlertEnd[] = [];
  for (const alert of input.firing) {
    const samples = input.samples.get(alert.supervisor);
    const rule = rules.get(alert.rule);
    if (!samples) resolve.push({ alert, message: `${alert.supervisor} no longer exists` });
    else if (!rule || !rule.enabled || !ruleCovers(rule, alert.supervisor)) resolve.push({ alert, message: `The rule "${alert.rule}" no longer watches ${alert.supervisor}` });
    else {
      const check = checkRule(rule, alert.supervisor, samples);
      if (check.holds === false) resolve.push({ alert, message: check.message });
    }
  }
  const fire: AlertStart[] = [];
  for (const rule of input.rules) {
    if (!rule.enabled) continue;
    for (const [supervisor, samples] of input.samples) {
      if (!ruleCovers(rule, supervisor) || open.has(keyOf(rule.id, supervisor))) continue;
      const check = checkRule(rule, supervisor, samples);
      if (!check.holds || check.since === undefined || (check.heldMs ?? 0) < rule.forMinutes * MINUTE_MS) continue;
      fire.push({ rule, supervisor, since: check.since, message: check.message, detail: check.detail ?? {} });
    }
  }
  return { fire, resolve };
}

/** How far back the evaluation needs samples: the longest period any rule waits, and a margin for the first sample. */
export function alertWindowMs(rules: readonly AlertRule[], intervalMs: number): number {
  return Math.max(0, ...rules.filter((rule) => rule.enabled).map((rule) => rule.forMinutes * MINUTE_MS)) + 3 * intervalMs;
}

// ── What webhooks receive ────────────────────────────────────────────────────────────────────

export interface AlertNotice {
  readonly status: 'firing' | 'resolved';
  readonly rule: string;
  readonly kind: AlertKind | null;
  readonly supervisor: string;
  readonly since: string;
  /** Set on resolved notices. */
  readonly resolvedAt?: string;
  readonly message: string;
  /** The supervisor's status page in Tributary. */
  readonly url: string;
}

export function supervisorUrl(baseUrl: string, supervisorId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/supervisors/${encodeURIComponent(supervisorId)}`;
}

// Slack reads &, < and > as markup in text: https://api.slack.com/reference/surfaces/formatting#escaping
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The body a webhook receives: the notice as JSON, or Slack's incoming-webhook { text } with the link. */
export function webhookBody(format: (typeof WEBHOOK_FORMATS)[number], notice: AlertNotice): unknown {
  if (format === 'json') return notice;
  const kind = notice.kind ? ALERT_KIND_INFO[notice.kind].label : notice.rule;
  const link = `<${notice.url}|Open ${slackEscape(notice.supervisor)} in Tributary>`;
  if (notice.status === 'firing') return { text: `:rotating_light: *Firing* — ${slackEscape(notice.message)} (${slackEscape(kind)}). ${link}` };
  const lasted = notice.resolvedAt ? ` after ${formatDuration(Date.parse(notice.resolvedAt) - Date.parse(notice.since))}` : '';
  return { text: `:white_check_mark: *Resolved*${lasted} — ${slackEscape(notice.message)}. ${link}` };
}
