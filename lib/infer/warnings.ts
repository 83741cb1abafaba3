// The traps users fall into, spotted from the plan and its preview: semantic checks in the
// style of `issueWith…`, each naming what is wrong and where.
import type { Column, LoadPlan, Warning } from './model';
import type { Preview } from './preview';
import { KAFKA_TIMESTAMP_COLUMN } from './timestamp/candidates';
import { describeDuration } from './timestamp/describe';

/** Events older than this at sampling time are "old data" for the start-offset check. */
const OLD_DATA_MS = 3_600_000;
const FUTURE_TOLERANCE_MS = 86_400_000;

export interface WarningContext {
  readonly plan: LoadPlan;
  readonly preview: Preview;
  readonly now: number;
  readonly useEarliestOffset?: boolean;
  readonly hasKafkaTimes: boolean;
  readonly renamedTimeColumn?: string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function issueWithTimeColumnName(renamed: string | undefined): Warning | undefined {
  if (!renamed) return undefined;
  return {
    code: 'reserved-time-column',
    column: renamed,
    message: `the messages have a field named __time, which is Druid's own time column; it is loaded as "${renamed}" so it cannot clash with the row timestamp`,
  };
}

export function issueWithWindow(preview: Preview, now: number, plan: LoadPlan): Warning | undefined {
  const total = preview.rowsParsed + preview.thrownAwayCount;
  if (total === 0) return undefined;
  const late = preview.lateCount;
  const future = preview.eventTimes.filter((t) => t > now + FUTURE_TOLERANCE_MS).length;
  if (late > total / 2) {
    return { code: 'outside-window', message: `${late} of ${total} sampled rows fall before the late-message window (${plan.lateMessageRejectionPeriod}) and would be thrown away` };
  }
  if (future > total / 2) {
    return { code: 'outside-window', message: `${future} of ${total} sampled rows are more than a day in the future: check the timestamp column and format` };
  }
  return undefined;
}

export function issueWithStartOffset(ctx: WarningContext): Warning | undefined {
  if (ctx.useEarliestOffset === true || ctx.preview.eventTimes.length === 0) return undefined;
  const age = ctx.now - median(ctx.preview.eventTimes);
  if (age < OLD_DATA_MS) return undefined;
  return {
    code: 'old-data-latest-offset',
    message: `the sampled events are about ${describeDuration(age)} old, but useEarliestOffset is off: a new supervisor starts at the latest offset and never reads them; turn useEarliestOffset on to load what is already in the topic`,
  };
}

export function issueWithUnparseable(preview: Preview): Warning | undefined {
  if (preview.unparseableCount === 0) return undefined;
  const first = preview.unparseable[0];
  return {
    code: 'unparseable-rows',
    message: `${preview.unparseableCount} of ${preview.rowsIn} messages cannot be parsed (first, message ${first.index + 1}: ${first.reason}); Druid counts them as parse exceptions`,
  };
}

export function issueWithCardinality(column: Column): Warning | undefined {
  if (!column.highCardinality || column.role !== 'dimension') return undefined;
  return {
    code: 'high-cardinality',
    column: column.name,
    message: `${column.name} has ${column.distinctCount} distinct values in the sample: as a dimension it keeps rollup from merging rows; if you only count distinct values, ingest the sketch ${column.sketch?.name} (druid-datasketches extension) instead`,
  };
}

export function collectWarnings(ctx: WarningContext): Warning[] {
  const found: (Warning | undefined)[] = [
    issueWithTimeColumnName(ctx.renamedTimeColumn),
    issueWithUnparseable(ctx.preview),
    issueWithWindow(ctx.preview, ctx.now, ctx.plan),
    issueWithStartOffset(ctx),
    ...ctx.plan.columns.map(issueWithCardinality),
  ];
  if (ctx.plan.timestamp.column === KAFKA_TIMESTAMP_COLUMN && !ctx.hasKafkaTimes) {
    found.push({
      code: 'no-kafka-time-in-sample',
      message: 'the value has no event time, so the Kafka record time is used; these lines carry no Kafka times, so the preview stamps them with the current time',
    });
  }
  return found.filter((w): w is Warning => w !== undefined);
}
