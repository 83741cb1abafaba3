// A topic's settings as DescribeConfigs reports them, and the ones a Druid user reads before
// loading: how far back the data goes and whether keys are compacted.
import type { RawBroker } from 'kafkajs/src/cluster';
import type { TopicRetention } from './schemas';

/** ConfigResource.Type.TOPIC in Kafka's protocol. */
const TOPIC_RESOURCE = 2;

/** The settings the topic page shows, in this order. */
export const TOPIC_PAGE_CONFIGS = ['cleanup.policy', 'retention.ms', 'retention.bytes', 'message.timestamp.type', 'max.message.bytes', 'compression.type'];

/**
 * DescribeConfigs for every setting of one topic. Kafka reads null config names as "all of them";
 * kafkajs writes an absent or empty list as that null and throws on an explicit null, so the list is left out.
 */
export function topicConfigsRequest(topic: string): Parameters<RawBroker['describeConfigs']>[0] {
  return { resources: [{ type: TOPIC_RESOURCE, name: topic }] };
}

const DURATION_UNITS = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1_000, 'second'],
  [1, 'millisecond'],
] as const;

/** retention.ms in words: "7 days", "36 hours", "forever" for -1 (Kafka's "no time limit"). */
export function formatRetentionMs(value: string | null | undefined): string {
  if (value === null || value === undefined || !/^-?\d+$/.test(value)) return 'unknown';
  const ms = Number(value);
  if (ms < 0) return 'forever';
  const [size, unit] = DURATION_UNITS.find(([size]) => ms % size === 0 && ms >= size) ?? DURATION_UNITS[DURATION_UNITS.length - 1];
  const count = ms / size;
  return `${count.toLocaleString('en-US')} ${unit}${count === 1 ? '' : 's'}`;
}

const BYTE_UNITS = [
  [1024 ** 4, 'TiB'],
  [1024 ** 3, 'GiB'],
  [1024 ** 2, 'MiB'],
  [1024, 'KiB'],
] as const;

/** retention.bytes in words: "1 GiB", "1.5 GiB", "unlimited" for -1 (Kafka's default: no size limit). */
export function formatRetentionBytes(value: string | null | undefined): string {
  if (value === null || value === undefined || !/^-?\d+$/.test(value)) return 'unknown';
  const bytes = Number(value);
  if (bytes < 0) return 'unlimited';
  const unit = BYTE_UNITS.find(([size]) => bytes >= size);
  if (!unit) return `${bytes} bytes`;
  return `${Number((bytes / unit[0]).toFixed(2))} ${unit[1]}`;
}

/** Retention and cleanup policy in words, or null when the broker did not report them. */
export function topicRetention(configs: Readonly<Record<string, string | null>> | null): TopicRetention | null {
  if (!configs || !('retention.ms' in configs || 'retention.bytes' in configs || 'cleanup.policy' in configs)) return null;
  return {
    time: formatRetentionMs(configs['retention.ms']),
    size: formatRetentionBytes(configs['retention.bytes']),
    cleanupPolicy: configs['cleanup.policy']?.split(',').map((p) => p.trim()).join(', ') || 'unknown',
  };
}
