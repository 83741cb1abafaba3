// Tributary's own store: what the app keeps of its own (the audit trail, metrics history, alerts), in SQLite or PostgreSQL.
export { openStore, migrate, describeLocation, StoreError } from './database';
export type { Store } from './database';
export { insertAuditRow, updateAuditRow, readAuditRow, findAuditRows, eachAuditRow } from './audit';
export type { AuditFilter, AuditRowPage } from './audit';
export { tryAcquireLease, renewLease, holdLease, releaseLease, withLease, LeaseWaitError } from './leases';
export type { LeaseOptions } from './leases';
export type { AuditRow, NewAuditRow, AuditRowUpdate, StoreTables, MetricsRow, FreshnessRow, AlertEventRow, NewAlertEventRow } from './schema';
