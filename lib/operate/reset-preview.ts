// Resetting a supervisor's offsets to a point in time: what the time may be, and per partition how
// many records moving Druid from where it reads now to the offsets at that time skips or reads again.
// Offsets stay bigints here and decimal strings on the wire. Pure.
import { z } from 'zod';

export const RESET_TIME_EXAMPLE = '2026-12-07T10:00:00Z';

/** A date, a time to the minute or finer, and a zone: one instant wherever it is read. */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export type ResetTime = { readonly kind: 'earliest' } | { readonly kind: 'latest' } | { readonly kind: 'instant'; readonly timestamp: number };

/** The time as asked, or why it is not one: "earliest", "latest" or an ISO-8601 instant. */
export function parseResetTime(text: string): ResetTime | { readonly problem: string } {
  const trimmed = text.trim();
  if (trimmed === 'earliest' || trimmed === 'latest') return { kind: trimmed };
  const match = ISO_INSTANT.exec(trimmed);
  const timestamp = match ? Date.parse(trimmed) : NaN;
  // Date.parse rolls 2026-02-30 over to March; the fields must be a real date and time.
  const real = match && Number(match[2]) >= 1 && Number(match[2]) <= 12 && Number(match[3]) <= daysIn(Number(match[1]), Number(match[2])) && Number(match[4]) < 24;
  if (!real || Number.isNaN(timestamp)) return { problem: `'${text}' is not an ISO-8601 instant, e.g. ${RESET_TIME_EXAMPLE} (or "earliest" or "latest")` };
  return { kind: 'instant', timestamp };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const TimeSchema = z.string({ message: `must be a string: an ISO-8601 instant such as ${RESET_TIME_EXAMPLE}, "earliest" or "latest"` }).superRefine((text, context) => {
  const parsed = parseResetTime(text);
  if ('problem' in parsed) context.addIssue({ code: 'custom', message: parsed.problem });
});

/** POST /api/supervisors/{id}/reset-offsets/preview */
export const ResetPreviewBodySchema = z.object({ time: TimeSchema });
/** POST /api/supervisors/{id}/reset-offsets: the same time, and the supervisor's id typed again. */
export const ResetToTimeBodySchema = z.object({
  time: TimeSchema,
  confirm: z.string({ message: "type the supervisor's id to confirm the reset" }),
});

const exact = z.string().regex(/^-?\d+$/, 'must be a whole number');

export const ResetPartitionSchema = z.object({
  partition: z.number().int(),
  /** Where Druid reads next now; null when it has no offset for the partition. */
  currentOffset: exact.nullable(),
  /** The first offset at or after the time; the end offset when no message is that recent. */
  targetOffset: exact,
  /** Records Druid will not read: target − current when the target is ahead. */
  skipped: exact.nullable(),
  /** Records Druid will read again: current − target when the target is behind. */
  replayed: exact.nullable(),
  earliestOffset: exact,
  latestOffset: exact,
  /** The Kafka timestamp of the message at the target, ISO; null at the end of the partition. */
  targetTime: z.string().nullable(),
});
export type ResetPartition = z.infer<typeof ResetPartitionSchema>;

export const ResetPreviewSchema = z.object({
  supervisorId: z.string(),
  topic: z.string(),
  /** The time as asked ("earliest", "latest" or an instant), and the instant it means, if one. */
  time: z.string(),
  at: z.string().nullable(),
  partitions: z.array(ResetPartitionSchema),
  totals: z.object({ skipped: exact, replayed: exact, messages: exact }),
  notes: z.array(z.string()),
});
export type ResetPreview = z.infer<typeof ResetPreviewSchema>;

export const ResetToTimeResultSchema = z.object({
  id: z.string(),
  action: z.literal('resetOffsets'),
  message: z.string(),
  /** The offsets sent, each with where Druid was before and where reading back found it after. */
  partitions: z.array(z.object({ partition: z.number().int(), from: exact.nullable(), to: exact, seen: exact.nullable() })),
  /** True when reading back showed Druid at the new offsets before the answer. */
  confirmed: z.boolean(),
});
export type ResetToTimeResult = z.infer<typeof ResetToTimeResultSchema>;

/** One partition as Kafka and Druid give it for the preview. */
export interface PartitionPosition {
  readonly partition: number;
  readonly earliest: bigint;
  readonly latest: bigint;
  readonly current: bigint | null;
  readonly target: bigint;
  readonly targetTimestamp: number | null;
}

export function resetPartition(p: PartitionPosition): ResetPartition {
  const { current, target } = p;
  return {
    partition: p.partition,
    currentOffset: current === null ? null : String(current),
    targetOffset: String(target),
    skipped: current === null ? null : String(target > current ? target - current : 0n),
    replayed: current === null ? null : String(current > target ? current - target : 0n),
    earliestOffset: String(p.earliest),
    latestOffset: String(p.latest),
    targetTime: p.targetTimestamp === null ? null : new Date(p.targetTimestamp).toISOString(),
  };
}

export interface PreviewInput {
  readonly supervisorId: string;
  readonly topic: string;
  readonly time: string;
  readonly resolved: ResetTime;
  readonly partitions: readonly PartitionPosition[];
  readonly now: number;
}

export function resetPreview(input: PreviewInput): ResetPreview {
  const partitions = [...input.partitions].sort((a, b) => a.partition - b.partition);
  const rows = partitions.map(resetPartition);
  const sum = (pick: (row: ResetPartition) => string | null) => String(rows.reduce((total, row) => total + BigInt(pick(row) ?? '0'), 0n));
  const notes: string[] = [];
  const at = input.resolved.kind === 'instant' ? input.resolved.timestamp : null;
  if (at !== null && at > input.now) notes.push(`${new Date(at).toISOString()} is in the future: no message is that recent, so every partition moves to its end offset.`);
  else if (at !== null) {
    const atEnd = partitions.filter((p) => p.target === p.latest && p.latest > p.earliest).map((p) => p.partition);
    if (atEnd.length) notes.push(`${plural(atEnd, 'Partition')} ${atEnd.join(', ')} ha${atEnd.length > 1 ? 've' : 's'} no message at or after ${new Date(at).toISOString()}: ${atEnd.length > 1 ? 'they move' : 'it moves'} to the end offset.`);
  }
  const gone = partitions.filter((p) => p.current !== null && p.current < p.earliest);
  for (const p of gone) {
    notes.push(`Partition ${p.partition}: Druid's offset ${p.current} is older than the earliest offset Kafka still keeps, ${p.earliest}; the ${p.earliest - p.current!} messages between are gone from Kafka whatever is chosen.`);
  }
  const unknown = partitions.filter((p) => p.current === null).map((p) => p.partition);
  if (unknown.length) notes.push(`Druid has no offset for ${plural(unknown, 'partition')} ${unknown.join(', ')} yet, so what moving ${unknown.length > 1 ? 'them' : 'it'} skips or re-reads cannot be counted.`);
  return {
    supervisorId: input.supervisorId,
    topic: input.topic,
    time: input.time,
    at: at === null ? null : new Date(at).toISOString(),
    partitions: rows,
    totals: { skipped: sum((r) => r.skipped), replayed: sum((r) => r.replayed), messages: String(partitions.reduce((total, p) => total + (p.latest - p.earliest), 0n)) },
    notes,
  };
}

function plural(items: readonly unknown[], word: string): string {
  return items.length > 1 ? `${word}s` : word;
}

/** The partitions whose offset Druid must move: the target differs from where it reads now. */
export function offsetsToSend(preview: Pick<ResetPreview, 'partitions'>): Record<string, string> {
  return Object.fromEntries(preview.partitions.filter((p) => p.currentOffset !== p.targetOffset).map((p) => [String(p.partition), p.targetOffset]));
}

/**
 * Whether Druid's position, read back after the reset, shows the new offsets: each partition sent
 * is at its target, or past it by no more than what was written since (a task that restarted and read on).
 */
export function resetSeen(sent: Readonly<Record<string, string>>, before: ReadonlyMap<number, bigint>, after: ReadonlyMap<number, bigint>): boolean {
  return Object.entries(sent).every(([partition, sentOffset]) => {
    const target = BigInt(sentOffset);
    const now = after.get(Number(partition));
    const was = before.get(Number(partition));
    if (now === undefined) return false;
    // Moved back: below where it was (it may have read on since). Moved ahead: at or past the target.
    if (was !== undefined && target < was) return now >= target && now < was;
    return now >= target;
  });
}

/** Partitions a per-partition action names that the topic does not have, for a refusal; empty when all exist. */
export function missingPartitions(asked: readonly string[], partitionCount: number): string[] {
  return asked.filter((p) => !(Number(p) >= 0 && Number(p) < partitionCount)).sort((a, b) => Number(a) - Number(b));
}
