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

export interface StoreTables {
  auditEntries: AuditEntriesTable;
  leases: LeasesTable;
}

export type AuditRow = Selectable<AuditEntriesTable>;
export type NewAuditRow = Insertable<AuditEntriesTable>;
export type AuditRowUpdate = Updateable<AuditEntriesTable>;
