// Checks on the plan as the user edited it, in the `issueWith…` style: each names the column
// and says what Druid would do. Inference's own checks (lib/infer) run beside these.
import type { LoadPlan, Preview, Warning } from '@/lib/infer';
import { KAFKA_TIMESTAMP_COLUMN } from '@/lib/infer';
import { collectWarnings } from '@/lib/infer/warnings';

export function issuesWithColumnNames(plan: LoadPlan): Warning[] {
  const issues: Warning[] = [];
  const seen = new Set<string>();
  for (const column of plan.columns) {
    const name = column.name.trim();
    if (name === '') {
      issues.push({ code: 'empty-column-name', column: column.name, message: `a column (${column.path ?? 'unnamed'}) has no name: give it one` });
      continue;
    }
    if (name === '__time' && column.role !== 'none') {
      issues.push({ code: 'reserved-time-column', column: name, message: 'a column named __time clashes with the row timestamp Druid stores under that name: rename it' });
    }
    if (seen.has(name) && column.role !== 'none') {
      issues.push({ code: 'duplicate-column', column: name, message: `two columns are named ${name}: Druid keeps only one, so rename one of them` });
    }
    seen.add(name);
  }
  const metricNames = new Set<string>(['count']);
  for (const column of plan.columns) {
    const metric = column.role === 'metric' ? column.aggregator?.name : undefined;
    if (!metric) continue;
    if (metricNames.has(metric)) issues.push({ code: 'duplicate-metric', column: column.name, message: `the metric name ${metric} is used twice` });
    metricNames.add(metric);
  }
  if (plan.timestamp.column !== KAFKA_TIMESTAMP_COLUMN && !plan.columns.some((c) => c.name === plan.timestamp.column)) {
    issues.push({ code: 'missing-time-column', message: `the timestamp column ${plan.timestamp.column} is not among the parsed fields any more: pick the event time again` });
  }
  if (plan.columns.every((c) => c.role === 'none')) {
    issues.push({ code: 'nothing-stored', message: 'no column is a dimension or a metric: Druid would store only the time and the count' });
  }
  return issues;
}

/** Most of the sample falls before the late-message window: Druid would throw it away. */
export function issueWithLateWindow(eventTimes: readonly number[], lateWindowStart: number | null, period: string | undefined): Warning | undefined {
  if (lateWindowStart === null || eventTimes.length === 0) return undefined;
  const late = eventTimes.filter((t) => t < lateWindowStart).length;
  if (late <= eventTimes.length / 2) return undefined;
  return {
    code: 'outside-window',
    message: `${late.toLocaleString('en-US')} of ${eventTimes.length.toLocaleString('en-US')} sampled rows fall before the late-message window (${period}) and would be thrown away: widen the window or leave it unset to load older events`,
  };
}

export interface LiveWarningContext {
  readonly plan: LoadPlan;
  readonly preview: Preview;
  readonly now: number;
  readonly useEarliestOffset?: boolean;
  readonly hasKafkaTimes: boolean;
  /** Event times of all parsed rows, before the late-message window drops any. */
  readonly allEventTimes: readonly number[];
  readonly lateWindowStart: number | null;
  /** Warnings only inference can know (registry framing, renamed __time field), while they still apply. */
  readonly fromInference: readonly Warning[];
}

const INFERENCE_ONLY = new Set(['schema-registry-needed', 'json-schema-framing', 'too-many-fields', 'reserved-time-column']);

/** Everything worth warning about for the plan as it is now, recomputed on every edit. */
export function liveWarnings(ctx: LiveWarningContext): Warning[] {
  const kept = ctx.fromInference.filter((w) => INFERENCE_ONLY.has(w.code) && (!w.column || ctx.plan.columns.some((c) => c.name === w.column)));
  const late = issueWithLateWindow(ctx.allEventTimes, ctx.lateWindowStart, ctx.plan.lateMessageRejectionPeriod);
  const live = collectWarnings({ plan: ctx.plan, preview: ctx.preview, now: ctx.now, useEarliestOffset: ctx.useEarliestOffset, hasKafkaTimes: ctx.hasKafkaTimes })
    // Counted here from every row rather than from the preview's capped list of dropped rows.
    .filter((w) => !(w.code === 'outside-window' && w.message.includes('late-message window')));
  return [...kept, ...(late ? [late] : []), ...live, ...issuesWithColumnNames(ctx.plan)];
}
