// The store's tables as Kysely sees them: camelCase here, snake_case in SQL (CamelCasePlugin).
// Times are ISO-8601 UTC text (Date#toISOString), which sorts and compares the same way in
// SQLite and PostgreSQL.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface AuditEntriesTable {
  id: Generated<number>;
  /** When the request arrived. */
  at: string;
  userName: string | null;
  role: string | null;
  /** How the user was recognised: open, session, basic, proxy. */
  via: string | null;
  clientAddress: string | null;
  action: string;
  supervisorId: string | null;
  /** sha256 of the canonical spec JSON, for submits. */
  specHash: string | null;
  /** JSON: what a submit changed. */
  changes: string | null;
  druidStatus: number | null;
  /** The start of Druid's answer, or what it was about. */
  druidAnswer: string | null;
  /** Null while the request is still in flight. */
  durationMs: number | null;
  outcome: string;
  detail: string | null;
  /** When an outcome first recorded as unknown was settled by reading Druid back. */
  resolvedAt: string | null;
}

/** A short-lived claim on a name (one supervisor's submits) shared by every app instance. */
export interface LeasesTable {
  name: string;
  holder: string;
  expiresAt: string;
}

/** One sample of a supervisor: the collector's own (stepS 0) or an average over stepS seconds. */
export interface SupervisorMetricsTable {
  supervisorId: string;
  stepS: number;
  at: string;
  state: string | null;
  /** 1 or 0; SQLite has no boolean. */
  healthy: number | null;
  totalLag: string | null;
  maxTimeLagMs: number | null;
  processedPerSec: number | null;
  unparseablePerSec: number | null;
  thrownAwayPerSec: number | null;
  withErrorPerSec: number | null;
  producedPerSec: number | null;
  consumedPerSec: number | null;
  tasks: number | null;
  failedTasks: number | null;
  /** JSON of the partitions' offsets and lags (collector samples only). */
  partitions: string | null;
}

export interface FreshnessSamplesTable {
  supervisorId: string;
  at: string;
  freshnessMs: number;
  /** 1 when the probe's message was found by a query, 0 when the probe gave up waiting. */
  seen: number;
  detail: string | null;
}

/** The alert rules and webhooks, one JSON document under one name. */
export interface AlertRulesTable {
  name: string;
  body: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface AlertEventsTable {
  id: Generated<number>;
  ruleId: string;
  supervisorId: string;
  firedAt: string;
  /** Null while the alert fires. */
  resolvedAt: string | null;
  message: string;
  detail: string | null;
  notifiedAt: string | null;
  resolveNotifiedAt: string | null;
  deliveryError: string | null;
}

export interface StoreTables {
  auditEntries: AuditEntriesTable;
  leases: LeasesTable;
  supervisorMetrics: SupervisorMetricsTable;
  freshnessSamples: FreshnessSamplesTable;
  alertRules: AlertRulesTable;
  alertEvents: AlertEventsTable;
}

export type MetricsRow = Selectable<SupervisorMetricsTable>;
export type FreshnessRow = Selectable<FreshnessSamplesTable>;
export type AlertEventRow = Selectable<AlertEventsTable>;
export type NewAlertEventRow = Insertable<AlertEventsTable>;

export type AuditRow = Selectable<AuditEntriesTable>;
export type NewAuditRow = Insertable<AuditEntriesTable>;
export type AuditRowUpdate = Updateable<AuditEntriesTable>;
