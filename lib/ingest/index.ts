// Druid's row pipeline for the load wizard's ingest preview; Druid's own sampler is its judge.
export { createRecordParser, createRowParser, type RecordParser, type RowParser, type RowParserOptions } from './row-parser';
export { rollupRows } from './rollup';
export { parseTimestamp, parseIso, compileJodaPattern, checkJodaPattern } from './timestamp';
export { truncateToGranularity, bucketEnd, granularityName, periodToMs } from './granularity';
export { describeColumns, type RowColumn } from './columns';
export { decodeRecord, ParseError } from './input-format';
export { compileFilter } from './filters';
export { compileExpression } from './expression';
export { javaDoubleString, parseJson, stringifyJson } from './json';
export { discoveredJsonFields, druidEventText, onLine, unparseableTimestamp } from './druid-messages';
export { METRIC_TYPES, metricColumnType } from './metrics';
export type { ColumnType } from './dimensions';
export type * from './types';
