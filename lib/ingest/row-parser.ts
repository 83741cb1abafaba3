// The row pipeline Druid applies to each record: inputFormat -> transformSpec filter ->
// timestampSpec -> dimensionsSpec -> metricsSpec, with __time truncated to queryGranularity.
import { dimensionValue, planDimensions, type DimensionPlan } from './dimensions';
import { discoveredJsonFields, onLine, unparseableTimestamp } from './druid-messages';
import { compileExpression, type Expression } from './expression';
import { compileFilter, type RowPredicate } from './filters';
import { truncateToGranularity } from './granularity';
import { ParseError, decodeRecord, decodeRecordRows, fieldAsWritten } from './input-format';
import { stringifyJson } from './json';
import { metricValue } from './metrics';
import { parseTimestamp } from './timestamp';
import type { IngestRow, IngestSpec, InputFields, KafkaRecordInput, ParseResult } from './types';

export interface RowParserOptions extends IngestSpec {
  /**
   * Rows whose event time falls outside these bounds are thrown away: the engine derives
   * them from lateMessageRejectionPeriod, earlyMessageRejectionPeriod and
   * lateMessageRejectionStartDateTime.
   */
  readonly messageTimeBounds?: { readonly minimum?: number; readonly maximum?: number };
}

export type RowParser = (record: KafkaRecordInput) => ParseResult;
/** Every row Druid reads from one record, in order: several for a record of several lines in csv, tsv or regex. */
export type RecordParser = (record: KafkaRecordInput) => readonly ParseResult[];

function parseIntervals(intervals: readonly string[] | null | undefined): [number, number][] {
  return (intervals ?? []).map((interval) => {
    const [start, end] = interval.split('/');
    return [Date.parse(start), Date.parse(end)];
  });
}

function formatTime(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms);
}

const TOMBSTONE: ParseResult = { kind: 'thrownAway', reason: 'Record has no value (a tombstone)' };

/**
 * Builds the parser for one spec that reads one row per record; spec problems throw here, record
 * problems come back as results. A record of several lines is refused: see createRecordParser.
 */
export function createRowParser(spec: RowParserOptions): RowParser {
  const parseFields = createFieldsParser(spec);
  return (record) => {
    // Druid hands a record without a value (a tombstone) to no reader: it is thrown away.
    if (record.value === null || record.value === undefined) return TOMBSTONE;
    let input: InputFields;
    try {
      input = decodeRecord(record, spec.inputFormat);
    } catch (error) {
      if (error instanceof ParseError) return { kind: 'unparseable', reason: error.message };
      throw error;
    }
    return parseFields(input, 1);
  };
}

/** Builds the parser for one spec that reads every row of a record, one per line for line-read formats, as Druid does. */
export function createRecordParser(spec: RowParserOptions): RecordParser {
  const parseFields = createFieldsParser(spec);
  return (record) => {
    if (record.value === null || record.value === undefined) return [TOMBSTONE];
    return decodeRecordRows(record, spec.inputFormat).map((input, i) => (input instanceof ParseError ? { kind: 'unparseable', reason: input.message } : parseFields(input, i + 1)));
  };
}

/** The spec's dataSchema applied to a record's decoded fields: `line` is the row's line in the record. */
function createFieldsParser(spec: RowParserOptions): (decoded: InputFields, line: number) => ParseResult {
  const metricsSpec = spec.metricsSpec ?? [];
  const timestampColumn = spec.timestampSpec.column ?? 'timestamp';
  const timestampFormat = spec.timestampSpec.format ?? 'auto';
  const missingValue = spec.timestampSpec.missingValue;
  const queryGranularity = spec.granularitySpec?.queryGranularity ?? 'none';
  const plan: DimensionPlan = planDimensions(spec.dimensionsSpec, spec.timestampSpec, metricsSpec);
  const filter: RowPredicate | null = spec.transformSpec?.filter ? compileFilter(spec.transformSpec.filter, 'transformSpec.filter') : null;
  const transforms = compileTransforms(spec.transformSpec?.transforms ?? []);
  const timeTransform = transforms.find((transform) => transform.name === '__time');
  const fieldTransforms = transforms.filter((transform) => transform !== timeTransform);
  const intervals = parseIntervals(spec.granularitySpec?.intervals);
  const bounds = spec.messageTimeBounds;

  const transformed = new Set(fieldTransforms.map((transform) => transform.name));
  /** A string dimension's input: JSON numbers as written, so 2.0 becomes "2.0" as in Druid. */
  const stringInput = (decoded: InputFields, name: string, raw: unknown) => {
    const numeric = typeof raw === 'number' || (Array.isArray(raw) && raw.some((item) => typeof item === 'number'));
    return numeric && !transformed.has(name) ? (fieldAsWritten(decoded, name) ?? raw) : raw;
  };

  return (decoded, line) => {
    let input = decoded;
    const event = spec.inputFormat.type === 'json' ? discoveredJsonFields(input) : input;
    const timestampError = (raw: unknown): ParseResult => ({ kind: 'unparseable', reason: onLine(unparseableTimestamp(raw, event), spec.inputFormat.type, line), input });
    // Transforms see the decoded fields and may replace them; the filter sees their results.
    if (fieldTransforms.length > 0) {
      const transformed: Record<string, unknown> = { ...input };
      for (const transform of fieldTransforms) transformed[transform.name] = transform.evaluate(input);
      input = transformed;
    }

    const rawTime = input[timestampColumn];
    // Only an absent time is missing: an empty string is a time Druid cannot read ("Timestamp[]").
    const missing = rawTime === null || rawTime === undefined;
    const timeValue = missing ? missingValue : rawTime;
    if (timeValue === null || timeValue === undefined) return timestampError(null);
    // Druid reads missingValue as an ISO date-time whatever the column's format.
    const parsedTime = parseTimestamp(timeValue, missing ? 'auto' : timestampFormat);
    if (parsedTime === null || !Number.isFinite(parsedTime)) return timestampError(rawTime);
    const time = timeTransform ? transformedTime(timeTransform.evaluate({ ...input, __time: parsedTime })) : parsedTime;
    if (!Number.isFinite(time)) return { kind: 'unparseable', reason: `The __time transform gave no time for event ${describe(input)}`, input };

    if (filter && !filter(input)) return { kind: 'thrownAway', reason: 'Row was filtered out by transformSpec.filter', input };
    if (bounds?.minimum !== undefined && time < bounds.minimum) {
      return { kind: 'thrownAway', reason: `Event time ${formatTime(time)} is before the earliest accepted ${formatTime(bounds.minimum)}`, input };
    }
    if (bounds?.maximum !== undefined && time > bounds.maximum) {
      return { kind: 'thrownAway', reason: `Event time ${formatTime(time)} is after the latest accepted ${formatTime(bounds.maximum)}`, input };
    }
    if (intervals.length > 0 && !intervals.some(([start, end]) => time >= start && time < end)) {
      return { kind: 'thrownAway', reason: `Event time ${formatTime(time)} is outside granularitySpec.intervals`, input };
    }

    const row: Record<string, unknown> = { __time: truncateToGranularity(time, queryGranularity) };
    const columnErrors: string[] = [];
    for (const dimension of plan.declared) {
      const raw = input[dimension.name];
      row[dimension.name] = dimensionValue(dimension.type, dimension.type === 'string' ? stringInput(decoded, dimension.name, raw) : raw);
      if (row[dimension.name] === null && hasValue(raw)) columnErrors.push(`Could not convert value [${String(raw)}] to ${dimension.type} for dimension [${dimension.name}]`);
    }
    if (plan.discover !== 'none') {
      for (const [name, value] of Object.entries(input)) {
        if (name in row || plan.excluded.has(name)) continue;
        if (plan.discover === 'string' && value !== null && typeof value === 'object' && !Array.isArray(value)) continue;
        row[name] = dimensionValue(plan.discover, plan.discover === 'string' ? stringInput(decoded, name, value) : value);
      }
    }
    for (const metric of metricsSpec) {
      row[metric.name] = metricValue(metric, input);
      const raw = metric.fieldName === undefined ? undefined : input[metric.fieldName];
      if (row[metric.name] === null && hasValue(raw)) columnErrors.push(`Could not read value [${String(raw)}] of field [${metric.fieldName}] for metric [${metric.name}]`);
    }
    return columnErrors.length > 0 ? { kind: 'row', row: row as IngestRow, input, columnErrors } : { kind: 'row', row: row as IngestRow, input };
  };
}

function compileTransforms(transforms: readonly { readonly type: string; readonly name: string; readonly expression?: string }[]): { name: string; evaluate: Expression }[] {
  return transforms.map((transform, i) => {
    if (transform.type !== 'expression') throw new Error(`transformSpec.transforms[${i}].type "${transform.type}" is not supported by the preview`);
    return { name: transform.name, evaluate: compileExpression(transform.expression ?? '') };
  });
}

/** A __time transform that yields nothing gives no time, rather than the epoch. */
function transformedTime(value: unknown): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  return Math.trunc(Number(value));
}

function hasValue(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

function describe(input: InputFields): string {
  const text = stringifyJson(input);
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}
