// Resetting a supervisor's offsets to a point in time: Kafka gives each partition's offset at that
// time, Druid's status where it reads now, and the preview counts what moving skips or reads again.
// The reset computes the targets again when it is sent, moves the offsets that change through the
// audited resetOffsets action, and answers with where Druid reads afterwards.
import 'server-only';
import { ApiError } from '@/lib/http';
import { offsetsAt, partitionRanges } from '@/lib/kafka/offsets-by-time';
import { messageAtOffsetKey, messagesAtOffsets } from '@/lib/kafka/message-at-offset';
import { appKafka } from '@/lib/kafka/server';
import { druidPositions, readsSeveralTopics } from '@/lib/operate/lag';
import { offsetsToSend, parseResetTime, resetPreview, type ResetPreview, type ResetToTimeResult } from '@/lib/operate/reset-preview';
import { druid } from './druid';
import { runAction, type Caller } from './operate-actions';
import { STATUS_TIMEOUT_MS } from './operate';

export async function previewResetToTime(id: string, time: string, signal?: AbortSignal): Promise<ResetPreview> {
  const resolved = parseResetTime(time);
  // The route's schema has checked the time already; this keeps the function safe on its own.
  if ('problem' in resolved) throw new ApiError(400, 'invalid_input', `time: ${resolved.problem}`);
  const status = (await druid().supervisors.status(id, { timeoutMs: STATUS_TIMEOUT_MS, signal })).payload;
  const topic = status.stream;
  if (!topic) throw new ApiError(409, 'no_topic', `Supervisor "${id}" does not report its topic yet, so the offsets at a time cannot be looked up. Try again once it is running.`);
  if (readsSeveralTopics(status)) throw new ApiError(409, 'several_topics', `Supervisor "${id}" reads every topic matching "${topic}"; resetting to a time works for supervisors of one topic.`);
  const client = appKafka();
  const ranges = await partitionRanges(client, topic);
  const targets = await offsetsAt(client, topic, ranges, resolved.kind === 'instant' ? resolved.timestamp : resolved.kind);
  const now = Date.now();
  const current = druidPositions(status, now).current;
  const atTarget = await messagesAtOffsets(
    client,
    ranges.map((r) => ({ topic, partition: r.partition, leader: r.leader, offset: String(targets.get(r.partition) ?? r.latest), end: String(r.latest) })),
  );
  return resetPreview({
    supervisorId: id,
    topic,
    time,
    resolved,
    now,
    partitions: ranges.map((r) => {
      const target = targets.get(r.partition) ?? r.latest;
      const message = atTarget.get(messageAtOffsetKey(topic, r.partition, String(target)));
      return { ...r, current: current.get(r.partition) ?? null, target, targetTimestamp: message && 'timestamp' in message ? message.timestamp : null };
    }),
  });
}

/** Refuses a reset whose typed confirmation is not the supervisor's id. */
export function checkConfirmation(id: string, confirm: string): void {
  if (confirm !== id) {
    throw new ApiError(400, 'confirmation_mismatch', `confirm: type the supervisor's id "${id}" to reset its offsets; "${confirm}" was typed. Nothing was sent to Druid.`);
  }
}

export async function resetToTime(id: string, body: { time: string; confirm: string }, caller: Caller): Promise<ResetToTimeResult> {
  checkConfirmation(id, body.confirm);
  // Offsets computed now, not when the preview was shown: messages may have arrived since.
  const preview = await previewResetToTime(id, body.time, caller.signal);
  const sent = offsetsToSend(preview);
  const from = (partition: number) => preview.partitions.find((p) => p.partition === partition)?.currentOffset ?? null;
  if (Object.keys(sent).length === 0) {
    return {
      id,
      action: 'resetOffsets',
      message: `Supervisor "${id}" already reads every partition of ${preview.topic} from the offsets at ${preview.at ?? body.time}; nothing was sent to Druid.`,
      partitions: preview.partitions.map((p) => ({ partition: p.partition, from: p.currentOffset, to: p.targetOffset, seen: p.currentOffset })),
      confirmed: true,
    };
  }
  const answer = await runAction(id, { action: 'resetOffsets', partitions: sent, at: preview.at ?? body.time }, caller);
  return {
    id,
    action: 'resetOffsets',
    message: answer.message,
    partitions: Object.entries(sent).map(([partition, to]) => {
      const seen = answer.offsets?.seen.get(Number(partition));
      return { partition: Number(partition), from: from(Number(partition)), to, seen: seen === undefined ? null : String(seen) };
    }),
    confirmed: answer.offsets?.confirmed ?? false,
  };
}
