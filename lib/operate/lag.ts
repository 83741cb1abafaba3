// Lag as Kafka sees it: where Druid is in each partition (its tasks' positions, else the offsets it
// committed), against the partition's end offset, in messages and in time; and from two such
// measurements, how fast the topic is written and read and when the lag will be gone. Pure.
import type { SupervisorStatusPayload } from '../druid/schemas/supervisor';
import type { LagReport, PartitionLag } from './monitoring-schemas';

export type OffsetSource = LagReport['offsetSource'];
export type LagDirection = LagReport['direction'];

/** Where Druid is in each partition, and what it last saw as each partition's end. */
export interface DruidPositions {
  readonly source: OffsetSource;
  /** Whether a task is reading, so that the positions move; publishing tasks and committed offsets stay put. */
  readonly reading: boolean;
  /** The supervisor reads every topic matching a pattern: its offsets are not one topic's partitions. */
  readonly severalTopics?: boolean;
  /** Milliseconds since 1970 at which `current` was true. */
  readonly measuredAt: number;
  readonly current: ReadonlyMap<number, bigint>;
  /** Druid's latestOffsets: the end offsets it read from Kafka when it last refreshed its offsets. */
  readonly druidLatest: ReadonlyMap<number, bigint>;
}

/** What Kafka said about the topic's partitions; `problem` when it could not say (unreachable, no such topic). */
export interface KafkaEndOffsets {
  readonly partitions: ReadonlyMap<number, { readonly latest?: string; readonly error?: string }>;
  readonly problem?: string;
}

/** The first message at or after a current offset (the oldest unread), none when only markers or nothing was unread then. */
export type UnreadMessage = { readonly offset: string; readonly timestamp: number } | { readonly none: true } | { readonly error: string };

/** One partition ready for its time lag: Druid's offset and the end offset it is compared with. */
export interface PartitionPlan {
  readonly partition: number;
  readonly current: bigint | null;
  readonly end: bigint | null;
  readonly problem?: string;
}

/** Summed positions per partition at one moment: what rates are computed from. */
export interface LagMeasurement {
  readonly at: number;
  readonly partitions: ReadonlyMap<number, { readonly current: bigint; readonly end: bigint }>;
}

export interface LagRates {
  readonly producedPerSec: number | null;
  readonly consumedPerSec: number | null;
  readonly direction: LagDirection;
  readonly etaSeconds: number | null;
}

/** A live topic's lag wobbles by a few messages between looks (see lag-history's trend); that is not a trend. */
export const LAG_NOISE_MESSAGES = 100n;
/**
 * Druid reads in polls and producers write in batches, so between two looks the lag moves by about
 * this many seconds of traffic without any trend.
 */
export const LAG_NOISE_SECONDS = 2;

function offsetsOf(record: Readonly<Record<string, string>> | null | undefined): Map<number, bigint> {
  const offsets = new Map<number, bigint>();
  for (const [partition, offset] of Object.entries(record ?? {})) {
    const id = Number(partition);
    if (Number.isInteger(id) && /^-?\d+$/.test(offset)) offsets.set(id, BigInt(offset));
  }
  return offsets;
}

/**
 * A supervisor with a topicPattern reads every matching topic; Druid keys its offsets "topic:partition"
 * then, and its status names the pattern as its stream.
 */
export function readsSeveralTopics(status: SupervisorStatusPayload): boolean {
  const keys = [status.latestOffsets, status.minimumLag, ...[...(status.activeTasks ?? []), ...(status.publishingTasks ?? [])].map((t) => t.currentOffsets)].flatMap((o) => Object.keys(o ?? {}));
  return keys.some((key) => key.includes(':'));
}

/**
 * Druid's position per partition. With tasks, the furthest of their currentOffsets (a publishing
 * task and its replacement may both report a partition): as of Druid's offsetsLastUpdated while one
 * reads, else true now, as a task that only publishes (after a suspend, at the end of its duration)
 * reads no further. Without tasks (suspended, unhealthy, between task groups), the offsets Druid
 * committed: its latestOffsets minus its minimumLag, which Druid keeps reporting then; true now too.
 */
export function druidPositions(status: SupervisorStatusPayload, now: number): DruidPositions {
  if (readsSeveralTopics(status)) return { source: 'none', reading: false, severalTopics: true, measuredAt: now, current: new Map(), druidLatest: new Map() };
  const druidLatest = offsetsOf(status.latestOffsets);
  const minimumLag = offsetsOf(status.minimumLag);
  const committed = new Map<number, bigint>();
  for (const [partition, latest] of druidLatest) {
    const lag = minimumLag.get(partition);
    if (lag !== undefined) committed.set(partition, latest - lag);
  }
  const fromTasks = new Map<number, bigint>();
  let reading = false;
  for (const [tasks, active] of [[status.activeTasks, true], [status.publishingTasks, false]] as const) {
    for (const task of tasks ?? []) {
      for (const [partition, offset] of offsetsOf(task.currentOffsets)) {
        reading ||= active;
        const seen = fromTasks.get(partition);
        if (seen === undefined || offset > seen) fromTasks.set(partition, offset);
      }
    }
  }
  if (fromTasks.size > 0) {
    const updated = status.offsetsLastUpdated ? Date.parse(status.offsetsLastUpdated) : NaN;
    for (const [partition, offset] of committed) if (!fromTasks.has(partition)) fromTasks.set(partition, offset);
    return { source: 'tasks', reading, measuredAt: reading && !Number.isNaN(updated) ? Math.min(updated, now) : now, current: fromTasks, druidLatest };
  }
  return { source: committed.size > 0 ? 'committed' : 'none', reading: false, measuredAt: now, current: committed, druidLatest };
}

/**
 * Each partition's current offset and the end offset to compare it with. Kafka's and Druid's
 * partitions are joined, so one Druid has not found yet, or one Kafka no longer lists, still shows.
 *
 * Reading tasks' offsets are up to offsetFetchPeriod (30 s by default) old, while Kafka's end offset
 * is read now: their difference would count everything written since as lag, and a caught-up
 * supervisor on a busy topic would look behind. So they are compared with the end offsets Druid read
 * in the same refresh (latestOffsets) when it has one for the partition that is not behind the task's
 * position (else it predates it). Positions that do not move (committed offsets, tasks that only
 * publish) are compared with Kafka's end offset now, which is right even when Druid's own figures are
 * stale (suspended, unhealthy, tasks gone).
 */
export function planLag(positions: DruidPositions, kafka: KafkaEndOffsets): PartitionPlan[] {
  const ids = [...new Set([...kafka.partitions.keys(), ...positions.current.keys(), ...(positions.source === 'tasks' ? positions.druidLatest.keys() : [])])].sort((a, b) => a - b);
  return ids.map((partition) => {
    const current = positions.current.get(partition) ?? null;
    const druidEnd = positions.druidLatest.get(partition);
    const inKafka = kafka.partitions.get(partition);
    const kafkaEnd = inKafka?.latest !== undefined ? BigInt(inKafka.latest) : undefined;
    if (current === null) {
      const problem = positions.source === 'none' ? undefined : `Druid has no offset for it yet`;
      return { partition, current, end: kafkaEnd ?? druidEnd ?? null, problem };
    }
    if (positions.reading && druidEnd !== undefined && druidEnd >= current) return { partition, current, end: druidEnd };
    if (kafkaEnd !== undefined) {
      if (kafkaEnd < current) return { partition, current, end: kafkaEnd, problem: `Druid's offset ${current} is past Kafka's end offset ${kafkaEnd} (was the topic recreated?)` };
      return { partition, current, end: kafkaEnd };
    }
    const why = inKafka?.error ? `Kafka's end offset is unknown: ${inKafka.error}` : kafka.problem ? undefined : `Druid reads it but Kafka does not list it`;
    return { partition, current, end: null, problem: why };
  });
}

export interface LagInput {
  readonly supervisorId: string;
  readonly topic: string | null;
  readonly positions: DruidPositions;
  readonly kafka: KafkaEndOffsets;
  /** The oldest unread message per partition, for partitions whose current offset is below the end. */
  readonly unread: ReadonlyMap<number, UnreadMessage>;
  /** The measurement rates are computed against; none for the first look. */
  readonly previous?: LagMeasurement;
  /** Rates to report as they are (the previous look saw the same Druid refresh, so nothing new can be said). */
  readonly rates?: LagRates;
}

export function lagReport(input: LagInput): { report: LagReport; measurement: LagMeasurement } {
  const { positions } = input;
  const plans = planLag(positions, input.kafka);
  const problems: string[] = [];
  if (input.kafka.problem) problems.push(input.kafka.problem);
  if (positions.severalTopics) problems.push(`This supervisor reads every topic matching "${input.topic}": lag from Kafka is given for supervisors of one topic only.`);
  else if (positions.source === 'none') problems.push('Druid lists no offsets for this supervisor now: no task reads or publishes, and its status names no committed offsets (none yet, or not again since a suspend or a restart of the Overlord).');
  const perPartition: { partition: number; text: string }[] = [];
  const measured = new Map<number, { current: bigint; end: bigint }>();
  const partitions = plans.map((plan): PartitionLag => {
    if (plan.problem) perPartition.push({ partition: plan.partition, text: plan.problem });
    const { current, end } = plan;
    const lag = current !== null && end !== null && end >= current ? end - current : null;
    if (lag !== null) measured.set(plan.partition, { current: current!, end: end! });
    return {
      partition: plan.partition,
      currentOffset: current === null ? null : String(current),
      latestOffset: end === null ? null : String(end),
      lag: lag === null ? null : String(lag),
      timeLagMs: lag === null ? null : lag === 0n ? 0 : timeLag(input.unread.get(plan.partition), positions.measuredAt, plan.partition, perPartition),
    };
  });
  problems.push(...groupByText(perPartition));

  const lags = partitions.flatMap((p) => (p.lag === null ? [] : [BigInt(p.lag)]));
  const totalLag = lags.length ? lags.reduce((a, b) => a + b, 0n) : null;
  const timeLags = partitions.flatMap((p) => (p.timeLagMs === null ? [] : [p.timeLagMs]));
  const measurement: LagMeasurement = { at: positions.measuredAt, partitions: measured };
  const rates = input.rates ?? lagRates(input.previous, measurement, totalLag);
  return {
    report: {
      supervisorId: input.supervisorId,
      topic: input.topic,
      partitions,
      totalLag: totalLag === null ? null : String(totalLag),
      maxTimeLagMs: timeLags.length ? Math.max(...timeLags) : null,
      etaSeconds: rates.etaSeconds,
      producedPerSec: rates.producedPerSec,
      consumedPerSec: rates.consumedPerSec,
      direction: rates.direction,
      offsetSource: positions.source,
      measuredAt: new Date(positions.measuredAt).toISOString(),
      problems,
    },
    measurement,
  };
}

function timeLag(unread: UnreadMessage | undefined, measuredAt: number, partition: number, problems: { partition: number; text: string }[]): number | null {
  if (!unread) return null;
  if ('error' in unread) {
    problems.push({ partition, text: `time lag unknown: ${unread.error}` });
    return null;
  }
  // Only transaction markers (or compacted-away offsets) were unread: no message waits.
  if ('none' in unread) return 0;
  // A producer's clock may run ahead of Druid's: an unread message is never younger than zero.
  return Math.max(0, measuredAt - unread.timestamp);
}

/** "Partitions 0, 1 and 2: …" for the same problem on several partitions. */
function groupByText(problems: readonly { partition: number; text: string }[]): string[] {
  const byText = new Map<string, number[]>();
  for (const p of problems) byText.set(p.text, [...(byText.get(p.text) ?? []), p.partition]);
  return [...byText].map(([text, ids]) => {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    const names = sorted.length === 1 ? `Partition ${sorted[0]}` : `Partitions ${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
    return `${names}: ${text}.`;
  });
}

const NO_RATES = { producedPerSec: null, consumedPerSec: null, etaSeconds: null } as const;

/**
 * Rates between two measurements, over the partitions both measured (a partition added since has no
 * earlier position). Lag that moves by less than noise reads 'steady', so a flat lag never reads
 * rising; it is 'draining' when it falls because Druid reads faster than the topic is written, and
 * only then is there a time to drain.
 */
export function lagRates(previous: LagMeasurement | undefined, current: LagMeasurement, totalLag: bigint | null): LagRates {
  const caughtUp = totalLag === 0n;
  const seconds = previous ? (current.at - previous.at) / 1000 : 0;
  let produced = 0n;
  let consumed = 0n;
  let lagChange = 0n;
  let common = 0;
  for (const [partition, now] of current.partitions) {
    const before = previous?.partitions.get(partition);
    if (!before) continue;
    common++;
    produced += now.end - before.end;
    consumed += now.current - before.current;
    lagChange += now.end - now.current - (before.end - before.current);
  }
  // Offsets that went back (a reset, a recreated topic) say nothing about speed.
  if (!previous || seconds <= 0 || common === 0 || produced < 0n || consumed < 0n) return { ...NO_RATES, direction: caughtUp ? 'caught-up' : 'unknown' };
  const producedPerSec = Number(produced) / seconds;
  const consumedPerSec = Number(consumed) / seconds;
  const rates = { producedPerSec, consumedPerSec, etaSeconds: null };
  if (caughtUp) return { ...rates, direction: 'caught-up' };
  if (totalLag === null) return { ...rates, direction: 'unknown' };
  const noise = bigMax(LAG_NOISE_MESSAGES, BigInt(Math.ceil(LAG_NOISE_SECONDS * Math.max(producedPerSec, consumedPerSec))));
  if (lagChange < -noise && consumedPerSec > producedPerSec) {
    return { ...rates, direction: 'draining', etaSeconds: Math.ceil(Number(totalLag) / (consumedPerSec - producedPerSec)) };
  }
  if (lagChange > noise && producedPerSec > consumedPerSec) return { ...rates, direction: 'rising' };
  return { ...rates, direction: 'steady' };
}

function bigMax(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
