// The pure part of lib/druid: safe to import from browser code, unlike the
// client (which needs Node's fs and undici). Schemas are in ../schemas.
export { normalizeSqlResult, parseCsv, columnsFromHeaderRows, sqlHeaderRowCount, SqlResultError } from './sql-result';
export type { SqlColumn, SqlResult, SqlHeaderFlags } from './sql-result';
export { summarizeSupervisorStatus, sumLag, type SupervisorSummary } from './supervisor-summary';
export { totalSupervisorStats, ROW_STATS_WINDOWS } from './supervisor-stats';
export type { RowStatsTotals, RowStatsWindow, SupervisorStatsTotals } from './supervisor-stats';
export { parseDruidJson, stringifyDruidJson, bigintsToStrings } from '../json';
