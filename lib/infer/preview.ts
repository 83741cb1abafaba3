// The ingest preview: the plan applied to the sample the way Druid would apply it — rows
// parsed, timestamp read, filter and late-message window applied, rows rolled up — with rows
// in and out, unparseable and thrown-away records with reasons, and an event-time histogram
// by segment granularity that marks now and the late-message window.
import { castValue, toJsonSafe } from './cast';
import { columnKey, columnValues, decodeSample, derived, isJsonFamily, type DecodedMessage } from './decode';
import type { DecodeResult } from './decoders/json';
import type { SampleRecord } from './input';
import { toSampleRecords } from './input';
import { compilePath, readSteps, type PathSteps } from './fields';
import { truncateToGranularity } from './granularity';
import { internColumn, RollupGroups, type Group } from './rollup-groups';
import type { Column, Granularity, LoadPlan, RecordIssue, TimestampChoice } from './model';
import { KAFKA_TIMESTAMP_COLUMN } from './timestamp/candidates';
import { parseFractionalSeconds, parseTimestampValue } from './timestamp/formats';
import { discoveredJsonFields, onLine, unparseableTimestamp } from '@/lib/ingest';

/** A sample ready for preview; `binary` holds registry-decoded values by record index. */
export interface PreparedSample {
  readonly records: readonly SampleRecord[];
  readonly binary?: readonly unknown[];
}

export const PREVIEW_ROWS = 50;
const MAX_ISSUES = 200;

export interface HistogramBucket {
  readonly start: number;
  readonly count: number;
  /** Before the late-message window: Druid would throw these rows away. */
  readonly late: boolean;
  /** After now: events from the future. */
  readonly future: boolean;
}

export interface Preview {
  readonly rowsIn: number;
  readonly rowsParsed: number;
  readonly rowsOut: number;
  /** rowsOut / rowsParsed: 1 means rollup merged nothing. */
  readonly rollupRatio: number;
  readonly rows: readonly Record<string, unknown>[];
  readonly unparseable: readonly RecordIssue[];
  readonly unparseableCount: number;
  readonly thrownAway: readonly RecordIssue[];
  readonly thrownAwayCount: number;
  /** Rows before the late-message window (part of thrownAwayCount). */
  readonly lateCount: number;
  readonly histogram: {
    readonly granularity: Granularity;
    readonly now: number;
    readonly lateWindowStart: number | null;
    readonly buckets: readonly HistogramBucket[];
  };
  /** Event times of parsed rows (ms), for warnings and granularity. */
  readonly eventTimes: readonly number[];
}

export interface PreviewOptions {
  readonly now?: number;
}

/** ISO 8601 periods Druid takes for lateMessageRejectionPeriod (PT1H, P1D, P1DT12H, ...). */
export function periodToMs(period: string): number | null {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(period);
  if (!m || period === 'P' || period.endsWith('T')) return null;
  const [, w, d, h, mi, s] = m.map((x) => Number(x ?? 0));
  return (((w * 7 + d) * 24 + h) * 60 + mi) * 60_000 + s * 1000;
}

/** How to find a column's value in a decoded message: by path (JSON family) or by name. */
interface Reader {
  readonly column: Column;
  readonly steps: PathSteps | undefined;
  readonly key: string;
}

function reader(column: Column, jsonFamily: boolean): Reader {
  const steps = jsonFamily && column.path ? compilePath(column.path) : undefined;
  return { column, steps, key: columnKey(jsonFamily, column.name, column.path) };
}

function extract(r: Reader, message: Record<string, unknown> | undefined, root: Readonly<Record<string, unknown>>): unknown {
  if (r.steps !== undefined && message) return readSteps(message, r.steps);
  return Object.prototype.hasOwnProperty.call(root, r.column.name) ? root[r.column.name] : undefined;
}

function add(a: unknown, b: unknown): unknown {
  return typeof a === 'bigint' || typeof b === 'bigint' ? BigInt(a as number) + BigInt(b as number) : (a as number) + (b as number);
}

/** One output row while rolling up: kept as arrays, made into an object only when shown. */
/** An output row: a rollup group, or one row with its values when rollup is off. */
interface Accumulator extends Group {
  readonly dimensions?: readonly unknown[];
}

type Combine = 'sum' | 'max' | 'min';

function combineOf(column: Column): Combine {
  const type = column.aggregator?.type ?? '';
  return type.endsWith('Max') ? 'max' : type.endsWith('Min') ? 'min' : 'sum';
}

function aggregate(metrics: unknown[], i: number, combine: Combine, value: unknown): void {
  if (value === null || value === undefined) return;
  const current = metrics[i];
  if (current === undefined || current === null) metrics[i] = value;
  else if (combine === 'sum') metrics[i] = add(current, value);
  else if (combine === 'max') metrics[i] = (value as number) > (current as number) ? value : current;
  else metrics[i] = (value as number) < (current as number) ? value : current;
}

function shownRow(acc: Accumulator, values: readonly unknown[], dimensions: readonly Reader[], metrics: readonly Reader[]): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  out.__time = new Date(acc.time).toISOString();
  dimensions.forEach((r, i) => (out[r.column.name] = values[i]));
  out.count = acc.count;
  metrics.forEach((r, i) => (out[r.column.aggregator?.name ?? r.column.name] = acc.metrics[i] ?? null));
  return toJsonSafe(out) as Record<string, unknown>;
}

/** Event times of a column under a timestamp choice, NaN where Druid could not read one; parsed once per sample. */
export function parsedTimesFor(
  results: readonly DecodeResult<DecodedMessage>[],
  key: string,
  values: readonly unknown[],
  timestamp: TimestampChoice,
): Float64Array {
  return derived(results, `time|${key}|${timestamp.format}|${timestamp.fractionalSeconds === true}`, () => {
    const times = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) times[i] = parseTimeValue(values[i], timestamp);
    return times;
  });
}

/** A time value read under a timestamp choice: epoch millis, or NaN where Druid could not read one. */
function parseTimeValue(value: unknown, timestamp: TimestampChoice): number {
  const t = timestamp.fractionalSeconds ? parseFractionalSeconds(value) : parseTimestampValue(value, timestamp.format);
  return t === null || !Number.isFinite(t) ? NaN : t;
}

export function previewPrepared(sample: PreparedSample, plan: LoadPlan, options: PreviewOptions = {}): Preview {
  const now = options.now ?? Date.now();
  const jsonFamily = isJsonFamily(plan.decode);
  const timeColumn: Reader | undefined =
    plan.timestamp.column === KAFKA_TIMESTAMP_COLUMN
      ? undefined
      : reader(plan.columns.find((c) => c.name === plan.timestamp.column) ?? { name: plan.timestamp.column, path: plan.timestamp.path, type: 'string', role: 'none', why: '' }, jsonFamily);
  const lateMs = plan.lateMessageRejectionPeriod ? periodToMs(plan.lateMessageRejectionPeriod) : null;
  const lateWindowStart = lateMs === null ? null : now - lateMs;
  const stored = plan.columns.filter((c) => c.role !== 'none');
  const dimensions = stored.filter((c) => c.role === 'dimension').map((c) => reader(c, jsonFamily));
  const metrics = stored.filter((c) => c.role === 'metric' && c.aggregator).map((c) => reader(c, jsonFamily));
  const decodedAll = decodeSample(sample.records, plan.decode, sample.binary);
  const valuesOf = (r: Reader) => columnValues(decodedAll, r.key, (message, root) => extract(r, message, root));
  const timeValues = timeColumn ? valuesOf(timeColumn) : [];
  const parsedTimes = timeColumn ? parsedTimesFor(decodedAll, timeColumn.key, timeValues, plan.timestamp) : new Float64Array(0);
  const dimensionValues = dimensions.map(valuesOf);
  const metricValues = metrics.map(valuesOf);
  let rowIndex = -1;
  const unparseable: RecordIssue[] = [];
  const thrownAway: RecordIssue[] = [];
  let unparseableCount = 0, thrownAwayCount = 0, rowsParsed = 0;
  const eventTimes: number[] = [];
  const lateTimes: number[] = [];
  const groups = plan.rollup
    ? new RollupGroups(
        dimensions.map((r, d) => derived(decodedAll, `ids|${r.key}|${r.column.type}`, () => internColumn(dimensionValues[d], r.column.type))),
        metrics.length,
      )
    : undefined;
  const shown: Accumulator[] = [];
  let rowsOut = 0;
  const metricsWithAggregator = stored.filter((c) => c.role === 'metric' && c.aggregator);
  const combines = metricsWithAggregator.map(combineOf);
  const noteIssue = (list: RecordIssue[], record: SampleRecord, reason: string) => {
    if (list.length < MAX_ISSUES) list.push({ index: record.index, partition: record.partition, offset: record.offset, reason });
  };
  // Druid's words: the event as its reader saw it, and for line-read formats the line of the record.
  const druidFormat = jsonFamily ? 'json' : plan.decode.format === 'delimited' ? 'tsv' : plan.decode.format;
  const timestampIssue = (raw: unknown, event: Readonly<Record<string, unknown>>, line: number) =>
    onLine(unparseableTimestamp(raw, jsonFamily ? discoveredJsonFields(event) : event), druidFormat, line);
  for (const record of sample.records) {
    const decoded = decodedAll[record.index];
    if (!decoded.ok) {
      unparseableCount++;
      noteIssue(unparseable, record, decoded.reason);
      continue;
    }
    if (decoded.value.isHeader) {
      // Druid reads the timestamp before the filter: a header whose time field holds a column name is unparseable.
      const header = decoded.value.headerFields ?? {};
      const raw = timeColumn ? header[timeColumn.column.name] : undefined;
      if (timeColumn && !Number.isFinite(parseTimeValue(raw, plan.timestamp))) {
        unparseableCount++;
        noteIssue(unparseable, record, timestampIssue(raw, header, 1));
      } else {
        thrownAwayCount++;
        noteIssue(thrownAway, record, 'the header line: dropped by the transformSpec filter');
      }
      continue;
    }
    for (let r = 0; r < decoded.value.rows.length; r++) {
      rowIndex++;
      let time: number | null;
      if (!timeColumn) {
        time = record.kafkaTime ?? now;
      } else {
        time = parsedTimes[rowIndex];
        if (Number.isNaN(time)) {
          unparseableCount++;
          noteIssue(unparseable, record, timestampIssue(timeValues[rowIndex], decoded.value.message ?? decoded.value.rows[r].root, r + 1));
          continue;
        }
      }
      if (lateWindowStart !== null && time < lateWindowStart) {
        thrownAwayCount++;
        lateTimes.push(time);
        noteIssue(thrownAway, record, `event time ${new Date(time).toISOString()} is before the late-message window (${plan.lateMessageRejectionPeriod})`);
        continue;
      }
      rowsParsed++;
      eventTimes.push(time);
      if (!plan.rollup && shown.length >= PREVIEW_ROWS) {
        // Without rollup every row is its own output row; only the shown ones need their values.
        rowsOut++;
        continue;
      }
      const bucket = plan.rollup ? truncateToGranularity(time, plan.queryGranularity) : time;
      let acc: Accumulator;
      if (groups) {
        const found = groups.find(bucket, rowIndex);
        acc = found.group;
        if (found.created) {
          rowsOut++;
          if (shown.length < PREVIEW_ROWS) shown.push(acc);
        }
      } else {
        const values = dimensions.map((r, d) => castValue(dimensionValues[d][rowIndex], r.column.type));
        acc = { time: bucket, row: rowIndex, dimensions: values, metrics: new Array(metrics.length), count: 0 };
        rowsOut++;
        shown.push(acc);
      }
      acc.count++;
      for (let m = 0; m < metrics.length; m++) {
        const raw = metricValues[m][rowIndex];
        const type = metrics[m].column.type;
        // Plain finite numbers, the common case, skip the general conversion.
        const value = typeof raw === 'number' && Number.isFinite(raw) ? (type === 'long' ? Math.trunc(raw) : raw) : castValue(raw, type);
        aggregate(acc.metrics, m, combines[m], value);
      }
    }
  }
  const rows = shown.map((acc) => shownRow(acc, acc.dimensions ?? groups?.dimensionsOf(acc) ?? [], dimensions, metrics));
  return {
    rowsIn: sample.records.length,
    rowsParsed,
    rowsOut,
    rollupRatio: rowsParsed ? rowsOut / rowsParsed : 1,
    rows,
    unparseable,
    unparseableCount,
    thrownAway,
    thrownAwayCount,
    lateCount: lateTimes.length,
    // The late rows are drawn too, in buckets marked late: seeing what the window drops is the point.
    histogram: histogram(lateTimes.length ? [...lateTimes, ...eventTimes] : eventTimes, plan.segmentGranularity, now, lateWindowStart),
    eventTimes,
  };
}

function histogram(times: readonly number[], granularity: Granularity, now: number, lateWindowStart: number | null): Preview['histogram'] {
  const counts = new Map<number, number>();
  for (const t of times) {
    const start = truncateToGranularity(t, granularity);
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const buckets = [...counts]
    .sort((a, b) => a[0] - b[0])
    .slice(-500)
    .map(([start, count]) => ({ start, count, late: lateWindowStart !== null && start < truncateToGranularity(lateWindowStart, granularity), future: start > now }));
  return { granularity, now, lateWindowStart, buckets };
}

/** Re-runs the preview for an edited plan; takes raw input or the sample inference prepared. */
export function previewPlan(input: unknown, plan: LoadPlan, options: PreviewOptions = {}): Preview {
  const sample: PreparedSample = isPrepared(input) ? input : preparedFromInput(input);
  return previewPrepared(sample, plan, options);
}

const preparedInputs = new WeakMap<object, PreparedSample>();

/** Raw input is validated and decoded once per input object, so edits re-preview instantly. */
function preparedFromInput(input: unknown): PreparedSample {
  const cached = typeof input === 'object' && input !== null ? preparedInputs.get(input) : undefined;
  if (cached) return cached;
  const sample = { records: toSampleRecords(input) };
  if (typeof input === 'object' && input !== null) preparedInputs.set(input, sample);
  return sample;
}

function isPrepared(input: unknown): input is PreparedSample {
  return typeof input === 'object' && input !== null && Array.isArray((input as PreparedSample).records) && ((input as PreparedSample).records.length === 0 || 'index' in (input as PreparedSample).records[0]);
}
