// Why nothing lands: the evidence gathered about one supervisor (Druid's status, spec and task
// reports, Kafka's offsets, a sample of the topic read through the spec) turned into findings in an
// operator's words, each with what it rests on and the action that fixes it. Pure.
import { periodToMs } from '../spec/period';
import { deletedOffsetsInErrors, isDeletedOffsetError } from './diagnosis-evidence';
import type { Diagnosis, DiagnosisExample, DiagnosisFinding, DiagnosisFix, EventTimeSpread, FailedTask, OffsetGap, SuggestedSetting } from './diagnosis-schema';

/** The settings of the spec that decide what is read and what is kept. */
export interface DiagnosisSpec {
  readonly topic: string | null;
  readonly taskCount: number;
  readonly lateMessageRejectionPeriod: string | null;
  readonly earlyMessageRejectionPeriod: string | null;
  readonly lateMessageRejectionStartDateTime: string | null;
  /** The transformSpec filter, as JSON, when there is one. */
  readonly filter: string | null;
  readonly useEarliestOffset: boolean;
  readonly resetOffsetAutomatically: boolean;
  /** How many parse exceptions a task keeps in its report (Druid's default: none). */
  readonly maxSavedParseExceptions: number;
}

export interface KafkaFacts {
  /** Why Kafka could not be read: unreachable or refused Tributary, or has no such topic. */
  readonly problem: { readonly kind: 'unreachable' | 'auth' | 'topic_missing' | 'other'; readonly message: string } | null;
  readonly partitions: readonly { readonly partition: number; readonly earliest: bigint; readonly latest: bigint }[];
}

export interface RowTotals {
  readonly processed: number;
  readonly processedWithError: number;
  readonly unparseable: number;
  readonly thrownAway: number;
}

/** A parse exception from a task's report: the input as Druid printed it and its message. */
export interface ParseExceptionEvidence {
  readonly input: string | null;
  readonly message: string;
}

/** One sampled message as the spec reads it. */
export interface SampledRow {
  readonly partition: number;
  readonly offset: string;
  readonly value: string | null;
  readonly outcome: 'row' | 'unparseable' | 'filtered';
  /** Epoch ms, for rows. */
  readonly eventTime?: number;
  readonly reason?: string;
}

export interface DiagnosisEvidence {
  readonly supervisorId: string;
  readonly now: number;
  readonly detailedState: string | null;
  readonly suspended: boolean;
  readonly recentErrors: readonly { readonly timestamp?: string | null; readonly message?: string | null; readonly exceptionClass?: string | null }[];
  readonly spec: DiagnosisSpec | null;
  readonly kafka: KafkaFacts | null;
  /** Where Druid goes on reading each partition: its tasks' positions, else its committed offsets. */
  readonly storedOffsets: ReadonlyMap<number, bigint>;
  /** Summed over the supervisor's running and recent tasks; null when no report could be read. */
  readonly rowTotals: RowTotals | null;
  readonly parseExceptions: readonly ParseExceptionEvidence[];
  /** Recent messages of the topic; null when none could be read. */
  readonly sample: readonly SampledRow[] | null;
  readonly failedTasks: readonly FailedTask[];
  /** Evidence that could not be gathered. */
  readonly problems: readonly string[];
}

/** Examples shown per finding: enough to see the pattern, few enough to read. */
export const MAX_EXAMPLES = 5;
/** A suggested window keeps at least this share of the sampled rows: a lone outlier does not make it months long. */
const KEEP_TARGET_PERCENT = 98;
const SPREAD_BUCKETS = 24;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Links to the status page's action dialogs (the page opens the dialog named by ?act=). */
export const RESET_TO_EARLIEST_HREF = '?act=reset-to-time&time=earliest';
export const RESUME_HREF = '?act=resume';
export const editSpecHref = (id: string) => `/load/edit/${encodeURIComponent(id)}`;

export function diagnose(evidence: DiagnosisEvidence): Diagnosis {
  const findings = [cannotConnect(evidence), offsetsOutOfRange(evidence), unparseable(evidence), thrownAway(evidence), taskFailing(evidence), taskCount(evidence)].filter(
    (f): f is DiagnosisFinding => f !== null,
  );
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { supervisorId: evidence.supervisorId, checkedAt: new Date(evidence.now).toISOString(), findings, problems: [...evidence.problems] };
}

const plural = (n: number | bigint, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 || n === 1n ? one : many}`;
const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10);
const specFix = (id: string, what: string): DiagnosisFix => ({ label: what, href: editSpecHref(id) });

function druidStreamErrors(evidence: DiagnosisEvidence): string[] {
  return evidence.recentErrors.flatMap((e) => (e.message ? [`Druid${e.timestamp ? ` at ${e.timestamp}` : ''}: ${e.message}`] : [])).slice(0, 3);
}

function cannotConnect(evidence: DiagnosisEvidence): DiagnosisFinding | null {
  const { kafka, spec, supervisorId } = evidence;
  const topic = spec?.topic ?? 'its topic';
  const druidCannot = evidence.detailedState === 'UNABLE_TO_CONNECT_TO_STREAM';
  const facts = druidStreamErrors(evidence);
  if (kafka?.problem?.kind === 'topic_missing') {
    return {
      kind: 'cannot_connect',
      severity: 'error',
      message: `Topic "${topic}" does not exist on Kafka, so Druid has nothing to read. Create the topic, or point the spec at the topic the producers write.`,
      evidence: { facts: [kafka.problem.message, ...facts] },
      fix: specFix(supervisorId, 'Edit the topic in the spec'),
    };
  }
  // Tributary's own credentials failing says nothing of Druid's unless Druid cannot connect either.
  if (kafka?.problem?.kind === 'auth' && druidCannot) {
    return {
      kind: 'cannot_connect',
      severity: 'error',
      message: `Kafka refused access to "${topic}". Druid connects with the spec's consumerProperties: check its security.protocol, sasl.mechanism and sasl.jaas.config, and that the user may Describe and Read the topic.`,
      evidence: { facts: [kafka.problem.message, ...facts] },
      fix: specFix(supervisorId, 'Edit consumerProperties in the spec'),
    };
  }
  // Druid says UNABLE_TO_CONNECT_TO_STREAM, too, when its stored offsets are gone: that is offsets_out_of_range.
  const errors = evidence.recentErrors.filter((e) => e.message);
  if (!druidCannot || (errors.length > 0 && errors.every((e) => isDeletedOffsetError(e.message)))) return null;
  const tributarySees = kafka && !kafka.problem;
  return {
    kind: 'cannot_connect',
    severity: 'error',
    message: tributarySees
      ? `Druid cannot connect to Kafka (UNABLE_TO_CONNECT_TO_STREAM), although Tributary reads "${topic}" with its ${plural(kafka.partitions.length, 'partition')}. Druid connects with the spec's consumerProperties, not Tributary's settings: check bootstrap.servers and the security settings there.`
      : `Druid cannot connect to Kafka (UNABLE_TO_CONNECT_TO_STREAM)${kafka?.problem ? `, and neither can Tributary: ${kafka.problem.message}` : ''}. Check that the brokers are up and that the spec's consumerProperties (bootstrap.servers, security settings) reach them.`,
    evidence: { facts },
    fix: specFix(supervisorId, 'Edit consumerProperties in the spec'),
  };
}

/** Partitions whose stored offset is below the oldest one Kafka keeps: retention deleted what Druid had not read. */
export function offsetGaps(stored: ReadonlyMap<number, bigint>, kafka: KafkaFacts): OffsetGap[] {
  return kafka.partitions
    .filter((p) => {
      const at = stored.get(p.partition);
      return at !== undefined && at < p.earliest;
    })
    .map((p) => {
      const at = stored.get(p.partition)!;
      return { partition: p.partition, stored: String(at), earliest: String(p.earliest), latest: String(p.latest), deleted: String(p.earliest - at) };
    });
}

function offsetsOutOfRange(evidence: DiagnosisEvidence): DiagnosisFinding | null {
  // Druid leaves its offsets out of the status while it fails to create tasks; its error names them.
  const named = deletedOffsetsInErrors(evidence.recentErrors);
  const stored = new Map([...named, ...evidence.storedOffsets]);
  const kafka = evidence.kafka && !evidence.kafka.problem ? evidence.kafka : null;
  const gaps = kafka ? offsetGaps(stored, kafka) : [];
  if (gaps.length === 0 && named.size === 0) return null;
  const deleted = gaps.reduce((sum, g) => sum + BigInt(g.deleted), 0n);
  const automatic = evidence.spec?.resetOffsetAutomatically === true;
  const facts = gaps.map((g) => `Partition ${g.partition}: Druid stopped at offset ${g.stored}; Kafka now keeps offsets ${g.earliest} to ${g.latest}.`);
  if (gaps.length === 0) facts.push(...[...named].map(([partition, offset]) => `Partition ${partition}: Druid stopped at offset ${offset}, which Kafka no longer has.`));
  facts.push(
    automatic
      ? 'tuningConfig.resetOffsetAutomatically is on: Druid moves to the offsets Kafka still has on its own when its next task finds them gone.'
      : `Instead of a reset by hand, tuningConfig.resetOffsetAutomatically: true lets Druid move past deleted offsets by itself${evidence.spec?.useEarliestOffset ? ' (to the earliest, as useEarliestOffset is on)' : ' (to the latest, as useEarliestOffset is off)'}, silently skipping what was deleted.`,
  );
  const partitions = gaps.length || named.size;
  const what = gaps.length > 0 ? `Kafka's retention deleted ${plural(deleted, 'message')} Druid had not read yet` : "Kafka's retention deleted messages Druid had not read yet";
  return {
    kind: 'offsets_out_of_range',
    severity: automatic ? 'warning' : 'error',
    message: `${what}: on ${plural(partitions, 'partition')} the offsets Druid would go on from are below the earliest offsets Kafka still keeps, so it cannot start tasks to read on. Reset the supervisor to the earliest offsets to read what is left; the deleted messages are gone from Kafka.`,
    evidence: { facts: [...facts, ...druidStreamErrors(evidence).slice(0, 1)], ...(gaps.length > 0 ? { partitions: gaps } : {}) },
    fix: { label: 'Reset to the earliest offsets', href: RESET_TO_EARLIEST_HREF },
  };
}

function truncate(text: string | null, max = 300): string | null {
  return text !== null && text.length > max ? `${text.slice(0, max)}…` : text;
}

function sampleExample(row: SampledRow, reason: string): DiagnosisExample {
  return {
    partition: row.partition,
    offset: row.offset,
    value: truncate(row.value),
    reason,
    eventTime: row.eventTime === undefined ? null : new Date(row.eventTime).toISOString(),
    source: 'sample',
  };
}

function unparseable(evidence: DiagnosisEvidence): DiagnosisFinding | null {
  const counted = evidence.rowTotals?.unparseable ?? 0;
  const sampled = (evidence.sample ?? []).filter((r) => r.outcome === 'unparseable');
  if (counted === 0 && evidence.parseExceptions.length === 0 && sampled.length === 0) return null;
  const examples: DiagnosisExample[] = [
    ...evidence.parseExceptions.map((e) => ({ partition: null, offset: null, value: truncate(e.input), reason: e.message, eventTime: null, source: 'task-report' as const })),
    ...sampled.map((row) => sampleExample(row, row.reason ?? 'unparseable')),
  ].slice(0, MAX_EXAMPLES);
  const processed = evidence.rowTotals?.processed ?? 0;
  const sampleSize = evidence.sample?.length ?? 0;
  const facts: string[] = [];
  if (counted > 0) facts.push(`Druid counted ${plural(counted, 'unparseable row')} and ${plural(processed, 'row')} processed in its running and recent tasks.`);
  if (sampled.length > 0) facts.push(`${plural(sampled.length, 'message')} of the last ${sampleSize} on the topic do not parse with this spec.`);
  if (counted > 0 && evidence.parseExceptions.length === 0 && evidence.spec?.maxSavedParseExceptions === 0) {
    facts.push("Druid's task reports keep no unparseable rows as tuningConfig.maxSavedParseExceptions is 0 (its default): set it to 10 or so to keep examples; until then the examples come from a sample of the topic.");
  }
  facts.push('Unparseable rows are skipped, not retried: after fixing the spec, a reset to an earlier time reads them again.');
  const what = counted > 0 ? `Druid could not parse ${plural(counted, 'row')}` : `${plural(sampled.length, 'recent message')} on the topic cannot be parsed with this spec`;
  return {
    kind: 'unparseable',
    severity: counted > 0 && processed === 0 ? 'error' : 'warning',
    message: `${what}; ${examples[0] ? `the first says: ${examples[0].reason}` : 'Druid kept no example'}. Fix the spec's inputFormat or timestampSpec to match the messages; to skip such rows knowingly, keep tuningConfig.maxParseExceptions high and turn on logParseExceptions.`,
    evidence: { facts, counts: { unparseable: counted, processed, sampledUnparseable: sampled.length, sampled: sampleSize }, examples },
    fix: specFix(evidence.supervisorId, 'Edit the inputFormat and timestampSpec'),
  };
}

/** The window of event times Druid accepts now, from the spec's rejection settings; null bounds are open. */
export function acceptedWindow(spec: DiagnosisSpec, now: number): { startMs: number | null; endMs: number | null } {
  const late = spec.lateMessageRejectionPeriod ? (periodToMs(spec.lateMessageRejectionPeriod) ?? null) : null;
  const early = spec.earlyMessageRejectionPeriod ? (periodToMs(spec.earlyMessageRejectionPeriod) ?? null) : null;
  const startDate = spec.lateMessageRejectionStartDateTime ? Date.parse(spec.lateMessageRejectionStartDateTime) : NaN;
  return {
    startMs: !Number.isNaN(startDate) ? startDate : late !== null ? now - late : null,
    endMs: early !== null ? now + early : null,
  };
}

/** A period at least `ms` long, rounded up to whole hours, or to whole days past two days: PT4H, P3D. */
export function periodCovering(ms: number): string {
  if (ms > 2 * DAY_MS) return `P${Math.ceil(ms / DAY_MS)}D`;
  return `PT${Math.max(1, Math.ceil(ms / HOUR_MS))}H`;
}

/** The shortest distance (ms) beyond which no more than (100 − target)% of `distances` lie. */
function distanceKeeping(distances: readonly number[], total: number): number {
  const sorted = [...distances].sort((a, b) => a - b);
  const mayLose = Math.floor((total * (100 - KEEP_TARGET_PERCENT)) / 100);
  return sorted[Math.max(0, sorted.length - 1 - mayLose)];
}

function suggestSettings(spec: DiagnosisSpec, times: readonly number[], window: { startMs: number | null; endMs: number | null }, now: number): SuggestedSetting[] {
  const inside = (start: number | null, end: number | null) => times.filter((t) => (start === null || t >= start) && (end === null || t <= end)).length;
  const currentKeeps = percent(inside(window.startMs, window.endMs), times.length);
  const settings: SuggestedSetting[] = [];
  const late = window.startMs === null ? [] : times.filter((t) => t < window.startMs!);
  if (late.length > 0) {
    if (spec.lateMessageRejectionStartDateTime) {
      const oldest = distanceKeeping(late.map((t) => window.startMs! - t), times.length);
      const start = Math.floor((window.startMs! - oldest) / DAY_MS) * DAY_MS;
      settings.push({
        name: 'lateMessageRejectionStartDateTime',
        value: new Date(start).toISOString(),
        current: spec.lateMessageRejectionStartDateTime,
        keepsPercent: percent(inside(start, window.endMs), times.length),
        currentKeepsPercent: currentKeeps,
      });
    } else {
      const value = periodCovering(distanceKeeping(late.map((t) => now - t), times.length));
      settings.push({
        name: 'lateMessageRejectionPeriod',
        value,
        current: spec.lateMessageRejectionPeriod,
        keepsPercent: percent(inside(now - periodToMs(value)!, window.endMs), times.length),
        currentKeepsPercent: currentKeeps,
      });
    }
  }
  const early = window.endMs === null ? [] : times.filter((t) => t > window.endMs!);
  if (early.length > 0) {
    const value = periodCovering(distanceKeeping(early.map((t) => t - now), times.length));
    settings.push({
      name: 'earlyMessageRejectionPeriod',
      value,
      current: spec.earlyMessageRejectionPeriod,
      keepsPercent: percent(inside(window.startMs, now + periodToMs(value)!), times.length),
      currentKeepsPercent: currentKeeps,
    });
  }
  return settings;
}

/** Sampled event times in equal buckets over their span and the window's bounds, each on its side of the window. */
export function eventTimeSpread(times: readonly number[], window: { startMs: number | null; endMs: number | null }, now: number): EventTimeSpread {
  const edges = [...times, now, ...(window.startMs !== null ? [window.startMs] : []), ...(window.endMs !== null ? [window.endMs] : [])];
  const from = Math.min(...edges);
  const to = Math.max(...edges);
  const width = Math.max(1, Math.ceil((to - from) / SPREAD_BUCKETS));
  const buckets = Array.from({ length: SPREAD_BUCKETS }, (_, i) => {
    const startMs = from + i * width;
    const endMs = startMs + width;
    const middle = startMs + width / 2;
    const side = window.startMs !== null && middle < window.startMs ? 'late' : window.endMs !== null && middle > window.endMs ? 'early' : 'inside';
    return { startMs, endMs, rows: 0, side: side as 'late' | 'inside' | 'early' };
  });
  for (const t of times) buckets[Math.min(SPREAD_BUCKETS - 1, Math.floor((t - from) / width))].rows++;
  return { buckets, window, sampledAt: now };
}

function thrownAway(evidence: DiagnosisEvidence): DiagnosisFinding | null {
  const { spec, now } = evidence;
  const counted = evidence.rowTotals?.thrownAway ?? 0;
  const rows = (evidence.sample ?? []).filter((r) => r.outcome === 'row' && r.eventTime !== undefined);
  const filtered = (evidence.sample ?? []).filter((r) => r.outcome === 'filtered');
  const window = spec ? acceptedWindow(spec, now) : { startMs: null, endMs: null };
  const outside = rows.filter((r) => (window.startMs !== null && r.eventTime! < window.startMs) || (window.endMs !== null && r.eventTime! > window.endMs));
  if (counted === 0 && outside.length === 0 && filtered.length === 0) return null;

  const times = rows.map((r) => r.eventTime!);
  const settings = spec ? suggestSettings(spec, times, window, now) : [];
  const describeOutside = (row: SampledRow) =>
    window.startMs !== null && row.eventTime! < window.startMs
      ? `its event time is before ${new Date(window.startMs).toISOString()}, the start of the window ${spec?.lateMessageRejectionStartDateTime ? 'lateMessageRejectionStartDateTime' : `lateMessageRejectionPeriod ${spec?.lateMessageRejectionPeriod}`} sets`
      : `its event time is after ${new Date(window.endMs!).toISOString()}, the end of the window earlyMessageRejectionPeriod ${spec?.earlyMessageRejectionPeriod} sets`;
  const examples = [
    ...outside.map((r) => sampleExample(r, describeOutside(r))),
    ...filtered.map((r) => sampleExample(r, r.reason ?? 'dropped by the transformSpec filter')),
  ].slice(0, MAX_EXAMPLES);

  const processed = evidence.rowTotals?.processed ?? 0;
  const sentences: string[] = [];
  sentences.push(counted > 0 ? `Druid threw away ${plural(counted, 'row')} it read.` : `Recent messages on the topic would be thrown away.`);
  if (outside.length > 0) {
    sentences.push(`${outside.length} of the ${rows.length} sampled rows fall outside the event times Druid accepts now.`);
    for (const s of settings) sentences.push(`${s.name} ${s.value} would keep ${s.keepsPercent}% of the sampled rows (${s.current ?? 'unset'} keeps ${s.currentKeepsPercent}%).`);
  }
  if (spec?.filter) sentences.push(filtered.length > 0 ? `The transformSpec filter drops ${filtered.length} of the ${evidence.sample?.length ?? 0} sampled messages.` : 'The spec has a transformSpec filter, which throws away the rows it does not match.');
  if (outside.length === 0 && !spec?.filter && counted > 0) {
    sentences.push('None of the sampled messages fall outside the accepted event times now: the thrown-away rows may be older ones, or empty messages (tombstones).');
  }
  const facts = [`Druid accepts event times ${window.startMs !== null ? `from ${new Date(window.startMs).toISOString()}` : 'from any time'} ${window.endMs !== null ? `to ${new Date(window.endMs).toISOString()}` : 'on'} (as of now; each task counts from its own start).`];
  if (spec?.filter) facts.push(`transformSpec filter: ${truncate(spec.filter, 400)}`);
  facts.push('Druid counts thrown-away rows but keeps none of them: the examples come from a sample of the topic read through the spec.');
  if (settings.length > 0) facts.push('A new setting applies to rows read from then on: to read the rows already thrown away, reset the supervisor to a time before them after changing it.');
  return {
    kind: 'thrown_away',
    severity: counted > 0 && processed === 0 ? 'error' : counted > 0 ? 'warning' : 'info',
    message: sentences.join(' '),
    evidence: {
      facts,
      counts: { thrownAway: counted, processed, sampledRows: rows.length, sampledOutside: outside.length, sampledFiltered: filtered.length },
      examples,
      ...(rows.length > 0 ? { spread: eventTimeSpread(times, window, now) } : {}),
      ...(settings.length > 0 ? { settings } : {}),
    },
    fix: settings[0] ? specFix(evidence.supervisorId, `Set ${settings[0].name} to ${settings[0].value}`) : spec?.filter ? specFix(evidence.supervisorId, 'Edit the transformSpec filter') : null,
  };
}

/** Druid's words for a task that met offsets Kafka no longer has. */
const OFFSET_OUT_OF_RANGE = /OffsetOutOfRange|out of range|offsets? .*(?:not available|no longer available)/i;

function taskFailing(evidence: DiagnosisEvidence): DiagnosisFinding | null {
  const failed = evidence.failedTasks;
  if (failed.length === 0) return null;
  const latest = failed[0];
  const why = latest.logLine ?? latest.errorMsg ?? 'Druid gave no reason';
  const outOfRange = failed.some((t) => OFFSET_OUT_OF_RANGE.test(`${t.errorMsg ?? ''} ${t.logLine ?? ''}`));
  return {
    kind: 'task_failing',
    severity: failed.length > 1 || evidence.detailedState === 'UNHEALTHY_TASKS' ? 'error' : 'warning',
    message: `${plural(failed.length, 'task')} of this supervisor failed recently; the latest: ${why}`,
    evidence: { facts: failed.some((t) => t.logNote) ? [failed.find((t) => t.logNote)!.logNote!] : [], tasks: [...failed] },
    fix: outOfRange ? { label: 'Reset to the earliest offsets', href: RESET_TO_EARLIEST_HREF } : null,
  };
}

function taskCount(evidence: DiagnosisEvidence): DiagnosisFinding | null {
  const { spec, kafka } = evidence;
  if (!spec || !kafka || kafka.problem || kafka.partitions.length === 0) return null;
  const partitions = kafka.partitions.length;
  if (spec.taskCount <= partitions) return null;
  return {
    kind: 'task_count',
    severity: 'info',
    message: `taskCount is ${spec.taskCount} but topic "${spec.topic}" has ${plural(partitions, 'partition')}: a partition is read by one task, so Druid runs only ${partitions} and ${plural(spec.taskCount - partitions, 'task slot')} planned for stay unused. Set taskCount to ${partitions}, or add partitions to the topic for more parallelism.`,
    evidence: { facts: [`ioConfig.taskCount: ${spec.taskCount}`, `Kafka: ${plural(partitions, 'partition')}`] },
    fix: specFix(evidence.supervisorId, `Set taskCount to ${partitions}`),
  };
}
