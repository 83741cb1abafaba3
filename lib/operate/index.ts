// Operate's model: dashboard rows, lag history, status-page parts, audit trail entries. Pure, browser-safe.
export * from './schemas';
export * from './lag-history';
export * from './dashboard-row';
export * from './dashboard-view';
export * from './supervisor-detail';
export * from './audit-entry';
export * from './action-outcome';
export * from './redact';
export * from './action-role';
export * from './monitoring-schemas';
export * from './versions';
export * from './datasource-view';
export * from './task-report';
export * from './task-log';
